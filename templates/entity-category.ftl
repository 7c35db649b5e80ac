<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#assign gg = gg?first>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "DefinedTermSet")>
<h1>${gg.title}</h1>
<p class="lead">A category of the <a href="${gg.link("matrix.html")}#cat-${layout.slug(gg.entity)}">comparison matrix</a>.</p>
<h2 id="features">Features</h2>
<ul>
<#list gg.queryWhere("categories", "category", gg.entity)?filter(c -> c.feature??) as f><li><@layout.elink gg=gg cell=f.feature label=f.featureLabel.value/></li></#list>
</ul>
<@layout.q gg=gg name="categories"/>
</@layout.page>
