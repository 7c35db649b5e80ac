<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#import "_matrix.ftl" as mx>
<#assign gg = gg?first>
<#assign cells = gg.query("feature-assessments")>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "DefinedTerm")>
<h1>${gg.title}</h1>
<#if cells?has_content><p class="lead">A row of the <a href="${mx.rowLink(gg, gg.entity, cells?first.category.iri)}">comparison matrix</a>, in the category <@layout.elink gg=gg cell=cells?first.category label=cells?first.categoryLabel.value/>.</p></#if>

<h2 id="assessments">Every approach side by side</h2>
<div class="table-scroll" role="region" aria-labelledby="assessments" tabindex="0">
<table>
<caption>${gg.title}: the assessment of each approach</caption>
<thead><tr><th scope="col">Approach</th><th scope="col">Level</th><th scope="col">Value</th><th scope="col">Note</th><th scope="col">Source</th></tr></thead>
<tbody>
<#list cells as a>
<tr><th scope="row"><@layout.elink gg=gg cell=a.approach label=a.approachLabel.value/></th><td><@layout.badge label=a.levelLabel.value symbol=(a.symbol.value)!""/></td><td>${a.value.value}<#if a.asOf??> <span class="muted">(as of ${a.asOf.value})</span></#if></td><td>${(a.note.value)!""}</td><td class="source">${(a.sourceLabel.value)!""}</td></tr>
</#list>
</tbody>
</table>
</div>
<@layout.q gg=gg name="feature-assessments"/>

<#assign needRows = gg.query("feature-needs")>
<#if needRows?has_content>
<#list gg.groups("feature-needs", "need", "approach") as byApproach>
<#assign first = byApproach?first?first>
<#assign n = first.need.iri>
<h2 id="need-${layout.slug(n)}">I need: <@layout.elink gg=gg cell=first.need label=first.needLabel.value/></h2>
<#if first.sourceLabel??><p class="source">Source: ${first.sourceLabel.value}</p></#if>
<div class="cards-3">
<#list byApproach as ar>
<#assign ap = ar?first.approach.iri>
<section class="card" aria-labelledby="need-${layout.slug(n)}-${layout.slug(ap)}">
<h3 id="need-${layout.slug(n)}-${layout.slug(ap)}"><@layout.elink gg=gg cell=ar?first.approach label=ar?first.approachLabel.value/> <@layout.badge label=ar?first.levelLabel.value symbol=(ar?first.symbol.value)!""/></h3>
<ul>
<#list ar?filter(r -> r.pointText??) as p><li><#if p.pointLevelLabel??><@layout.badge label=p.pointLevelLabel.value symbol=(p.pointSymbol.value)!""/> </#if>${gg.md(p.pointText.value)?no_esc}</li></#list>
</ul>
</section>
</#list>
</div>
</#list>
<@layout.q gg=gg name="feature-needs"/>
</#if>

<#assign dis = gg.query("feature-disagreements")>
<#if dis?has_content>
<h2 id="disagreements">Where the guide disagrees with itself</h2>
<p>The source says two different things about this feature. Both are shown, with the section each comes from; neither is chosen.</p>
<ul>
<#list dis as d>
<li class="card disagreement"><strong><@layout.elink gg=gg cell=d.approach label=d.approachLabel.value/></strong>:
the <em>${(d.matrixSourceLabel.value)!"matrix"}</em> says <@layout.badge label=d.matrixLevelLabel.value symbol=(d.matrixSymbol.value)!""/><#if d.value.value != d.matrixLevelLabel.value> ${d.value.value}</#if><#if d.note??> (${d.note.value})</#if>;
<em>${(d.needSourceLabel.value)!d.needLabel.value}</em> says <@layout.badge label=d.needLevelLabel.value symbol=(d.needSymbol.value)!""/><#if d.pointText??>, with the point <@layout.badge label=d.pointLevelLabel.value symbol=(d.pointSymbol.value)!""/> “${gg.md(d.pointText.value)?no_esc}”</#if>.</li>
</#list>
</ul>
<@layout.q gg=gg name="feature-disagreements"/>
</#if>
</@layout.page>
