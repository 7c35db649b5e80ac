<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#assign guide = (gg.query("guide")?first)!{}>
<@layout.page gg=gg title="Home">
<section class="hero">
<h1>${gg.site.title}</h1>
<p class="lead">${gg.site.purpose}</p>
<#if guide.date??><p class="muted">As of <time datetime="${guide.date.value}">${guide.date.value}</time></p></#if>
<p class="actions"><a class="button" href="decide.html">Help me decide</a> <a class="button secondary" href="matrix.html">Compare the approaches</a></p>
</section>

<#if guide.headline??>
<section class="card insight" aria-labelledby="key-insight">
<h2 id="key-insight">Key insight</h2>
<p><strong>${guide.headline.value}</strong></p>
<ul>
<#list gg.query("key-insight") as p>
  <li><@layout.elink gg=gg cell=p.approach! label=p.text.value/></li>
</#list>
</ul>
<#if guide.caveat??><p class="caveat"><span aria-hidden="true">⚠️</span> ${guide.caveat.value}</p></#if>
<@layout.q gg=gg name="key-insight"/>
</section>
</#if>

<section aria-labelledby="quick-recommendations">
<h2 id="quick-recommendations">Quick recommendations</h2>
<div class="table-scroll" role="region" aria-labelledby="quick-recommendations" tabindex="0">
<table>
<caption>Your situation and the recommended approach</caption>
<thead><tr><th scope="col">Situation</th><th scope="col">Recommendation</th></tr></thead>
<tbody>
<#list gg.queryFirst("situations", "situation") as s>
<#assign approaches = gg.queryWhere("situations", "situation", s.situation.iri)?filter(x -> x.approach??)>
<tr><th scope="row">${s.text.value}</th><td>${s.recommendation.value}<#if approaches?has_content> <span class="muted">→ <#list approaches as a><@layout.elink gg=gg cell=a.approach label=a.approachLabel.value/><#sep>, </#list></span></#if></td></tr>
</#list>
</tbody>
</table>
</div>
<@layout.q gg=gg name="situations"/>
</section>

<section aria-labelledby="use-cases">
<h2 id="use-cases">Recommendation by use case</h2>
<ul class="cards">
<#list gg.queryFirst("use-cases", "useCase") as u>
<li class="card"><strong><@layout.elink gg=gg cell=u.useCase label=u.label.value/></strong>
<br><span class="muted">Best choice:</span> <#list gg.queryWhere("use-cases", "useCase", u.useCase.iri)?filter(x -> x.approach??) as c>${c.approachLabel.value}<#if c.qualifier??> (${c.qualifier.value})</#if><#sep> or </#list></li>
</#list>
</ul>
<@layout.q gg=gg name="use-cases"/>
</section>

<section aria-labelledby="decide">
<h2 id="decide">Decide step by step</h2>
<p>Answer a few questions and the <a href="decide.html">decision tree</a> leads you to an approach:</p>
<ol>
<#list gg.queryFirst("decision-questions", "question") as qr>
<li><a href="decide.html#q-${layout.slug(qr.question.iri)}">${(qr.text.value)!qr.label.value}</a></li>
</#list>
</ol>
<@layout.q gg=gg name="decision-questions"/>
</section>

<section aria-labelledby="approaches">
<h2 id="approaches">The approaches</h2>
<ul class="cards">
<#list gg.query("approaches") as row>
  <li class="card"><strong><@layout.elink gg=gg cell=row.approach label=row.label.value/></strong><#if row.homepage??><br><span class="muted">Website:</span> <a href="${row.homepage.value}">${row.homepage.value}</a></#if></li>
</#list>
</ul>
<@layout.q gg=gg name="approaches"/>
</section>

<section aria-labelledby="needs">
<h2 id="needs">Feature by feature: “I need …”</h2>
<ul>
<#list gg.query("needs") as n>
<li><@layout.elink gg=gg cell=n.need label=n.label.value/><#if n.feature??> <span class="muted">(matrix row: <@layout.elink gg=gg cell=n.feature label=n.featureLabel.value/>)</span></#if></li>
</#list>
</ul>
<@layout.q gg=gg name="needs"/>
</section>

<#if guide.closingAdvice??>
<section class="card advice" aria-labelledby="closing-advice">
<h2 id="closing-advice">Still unsure?</h2>
<p>${gg.md(guide.closingAdvice.value)?no_esc}</p>
<@layout.q gg=gg name="guide"/>
</section>
</#if>

<section aria-labelledby="need-help">
<h2 id="need-help">Need help deciding?</h2>
<ol>
<#list gg.query("help-steps") as h>
<li>${gg.md(h.text.value)?no_esc}<#if h.path??> <span class="muted">— <code class="path">${h.path.value}</code><#if h.repositoryLabel??> in ${h.repositoryLabel.value}<#if h.availabilityLabel??> (${h.availabilityLabel.value})</#if></#if>; not published here</span><#elseif h.url??> — <a href="${h.url.value}">${h.resourceLabel.value}</a></#if></li>
</#list>
</ol>
<@layout.q gg=gg name="help-steps"/>
</section>
</@layout.page>
