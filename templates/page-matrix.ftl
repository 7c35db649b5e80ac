<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_matrix.ftl" as mx>
<#assign gg = gg?first>
<#assign approaches = gg.query("approaches")>
<#assign cats = gg.query("categories")>
<#assign featureCount = cats?filter(c -> c.feature??)?size>
<#assign split = mx.split(gg)>
<@layout.page gg=gg title="Comparison matrix" description="All features of all approaches side by side, by category." scripts=split?then([], ["matrix.js"])>
<h1>Comparison matrix</h1>
<p class="lead">Every feature of every approach, side by side. Each cell gives the support level as a symbol and a word, the value and any note.</p>

<h2 id="legend">Legend</h2>
<ul class="legend">
<#list gg.query("support-levels") as l>
<li><@layout.badge label=l.label.value symbol=(l.symbol.value)!""/> <#if l.comment??><span class="muted">${l.comment.value}</span></#if></li>
</#list>
</ul>
<@layout.q gg=gg name="support-levels"/>

<#if split>
<h2 id="compare">The matrix, by category</h2>
<p>${approaches?size} approaches compared on ${featureCount} features: each category's part of the matrix is on the category's page.</p>
<div class="table-scroll" role="region" aria-labelledby="categories-caption" tabindex="0">
<table>
<caption id="categories-caption">The categories of the matrix</caption>
<thead><tr><th scope="col">Category</th><th scope="col">Features</th></tr></thead>
<tbody>
<#list gg.queryFirst("categories", "category") as c>
<tr id="cat-${layout.slug(c.category.iri)}"><th scope="row"><#if gg.hasPage(c.category.iri)><a href="${gg.link(c.category.iri)}#matrix">${c.categoryLabel.value}</a><#else>${c.categoryLabel.value}</#if></th><td>${gg.queryWhere("categories", "category", c.category.iri)?filter(x -> x.feature??)?size}</td></tr>
</#list>
</tbody>
</table>
</div>
<@layout.q gg=gg name="categories"/>
<p class="muted">The whole matrix's data: run <a href="${gg.querySource("matrix")}">queries/matrix.rq</a> against <a href="graph.ttl">graph.ttl</a>.</p>
<#else>
<#assign cells = gg.query("matrix")>
<h2 id="compare">The matrix</h2>
<form class="controls" id="matrix-controls" hidden>
<fieldset>
<legend>Categories</legend>
<#list gg.queryFirst("categories", "category") as c>
<label><input type="checkbox" name="category" value="${layout.slug(c.category.iri)}" checked> ${c.categoryLabel.value}</label>
</#list>
</fieldset>
<fieldset>
<legend>Approaches to compare</legend>
<#list approaches as a>
<label><input type="checkbox" name="approach" value="${layout.slug(a.approach.iri)}" checked> ${(a.short.value)!a.label.value}</label>
</#list>
</fieldset>
<div class="downloads"><span>Download the matrix:</span> <button type="button" data-download="csv">CSV</button> <button type="button" data-download="json">JSON</button></div>
</form>

<div class="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
<table class="matrix" id="matrix">
<caption id="matrix-caption">${approaches?size} approaches compared on ${cats?filter(c -> c.feature??)?size} features, grouped by category</caption>
<@mx.head gg=gg approaches=approaches/>
<#list gg.queryFirst("categories", "category") as c>
<tbody data-category="${layout.slug(c.category.iri)}">
<tr class="category-row"><th scope="rowgroup" colspan="${approaches?size + 1}" id="cat-${layout.slug(c.category.iri)}"><span>${c.categoryLabel.value}</span></th></tr>
<#list gg.queryWhere("categories", "category", c.category.iri)?filter(x -> x.feature??) as f>
<@mx.row gg=gg f=f approaches=approaches/>
</#list>
</tbody>
</#list>
</table>
</div>
<p class="source">Source: <#list cells?map(x -> (x.sourceLabel.value)!"")?filter(x -> x?has_content) as s><#if s?index == 0>${s}</#if></#list> section of the guide, as of ${gg.site.date}.</p>
<@layout.q gg=gg name="matrix"/>
<p class="muted">The matrix's data as CSV or JSON: use the download buttons above (with JavaScript), or run <a href="${gg.querySource("matrix")}">queries/matrix.rq</a> against <a href="graph.ttl">graph.ttl</a>.</p>
</#if>
</@layout.page>
