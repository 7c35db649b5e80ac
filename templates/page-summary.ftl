<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#assign guide = (gg.query("guide")?first)!{}>
<@layout.page gg=gg title="Summary">
<h1>Summary</h1>
<h2 id="quick-recommendations">Quick recommendations</h2>
<div class="table-scroll" role="region" aria-labelledby="quick-recommendations" tabindex="0">
<table>
<caption>Situations and the approach recommended for each</caption>
<thead><tr><th scope="col">Situation</th><th scope="col">Recommendation</th><th scope="col">Approaches named</th></tr></thead>
<tbody>
<#list gg.queryFirst("situations", "situation") as s>
<tr id="s-${layout.slug(s.situation.iri)}"><th scope="row">${s.text.value}</th><td>${s.recommendation.value}</td><td><#list gg.queryWhere("situations", "situation", s.situation.iri)?filter(x -> x.approach??) as a><@layout.elink gg=gg cell=a.approach label=a.approachLabel.value/><#sep>, </#list></td></tr>
</#list>
</tbody>
</table>
</div>
<@layout.q gg=gg name="situations"/>
<#if guide.headline??>
<section class="card insight" aria-labelledby="key-insight">
<h2 id="key-insight">Key insight</h2>
<p><strong>${guide.headline.value}</strong></p>
<ul>
<#list gg.query("key-insight") as p><li><@layout.elink gg=gg cell=p.approach! label=p.text.value/></li></#list>
</ul>
<#if guide.caveat??><p class="caveat"><span aria-hidden="true">⚠️</span> ${guide.caveat.value}</p></#if>
<#if guide.insightSourceLabel??><p class="source">Source: ${guide.insightSourceLabel.value}</p></#if>
<@layout.q gg=gg name="key-insight"/>
</section>
</#if>
<#if guide.closingAdvice??><p>${gg.md(guide.closingAdvice.value)?no_esc}</p><@layout.q gg=gg name="guide"/></#if>
</@layout.page>
