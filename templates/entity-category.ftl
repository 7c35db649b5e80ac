<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#import "_matrix.ftl" as mx>
<#assign gg = gg?first>
<#assign features = gg.queryWhere("categories", "category", gg.entity)?filter(c -> c.feature??)>
<#assign approaches = gg.query("approaches")>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "DefinedTermSet")>
<h1>${gg.title}</h1>
<p class="lead">A category of the <a href="${gg.link("matrix.html")}#cat-${layout.slug(gg.entity)}">comparison matrix</a>.</p>
<h2 id="features">Features</h2>
<ul>
<#list features as f><li><@layout.elink gg=gg cell=f.feature label=f.featureLabel.value/></li></#list>
</ul>
<@layout.q gg=gg name="categories"/>
<#if mx.split(gg) && features?has_content && approaches?has_content>
<h2 id="matrix">The matrix for ${gg.title}</h2>
<div class="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
<table class="matrix">
<caption id="matrix-caption">${approaches?size} approaches compared on the ${features?size} features of ${gg.title}</caption>
<@mx.head gg=gg approaches=approaches/>
<tbody>
<#list features as f>
<@mx.row gg=gg f=f approaches=approaches/>
</#list>
</tbody>
</table>
</div>
<@layout.q gg=gg name="matrix"/>
</#if>
</@layout.page>
