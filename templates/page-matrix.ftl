<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#assign approaches = gg.query("approaches")>
<#assign cells = gg.query("matrix")>
<#assign cats = gg.query("categories")>
<@layout.page gg=gg title="Comparison matrix" description="All features of all approaches side by side, by category." scripts=["matrix.js"]>
<h1>Comparison matrix</h1>
<p class="lead">Every feature of every approach, side by side. Each cell gives the support level as a symbol and a word, the value and any note.</p>

<h2 id="legend">Legend</h2>
<ul class="legend">
<#list gg.query("support-levels") as l>
<li><@layout.badge label=l.label.value symbol=(l.symbol.value)!""/> <#if l.comment??><span class="muted">${l.comment.value}</span></#if></li>
</#list>
</ul>
<@layout.q gg=gg name="support-levels"/>

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
<thead>
<tr><th scope="col">Feature</th><#list approaches as a><th scope="col" data-approach="${layout.slug(a.approach.iri)}"><@layout.elink gg=gg cell=a.approach label=a.label.value/></th></#list></tr>
</thead>
<#list gg.queryFirst("categories", "category") as c>
<tbody data-category="${layout.slug(c.category.iri)}">
<tr class="category-row"><th scope="rowgroup" colspan="${approaches?size + 1}" id="cat-${layout.slug(c.category.iri)}"><span>${c.categoryLabel.value}</span></th></tr>
<#list gg.queryWhere("categories", "category", c.category.iri)?filter(x -> x.feature??) as f>
<tr data-feature="${f.featureLabel.value}">
<th scope="row" id="f-${layout.slug(f.feature.iri)}"><@layout.elink gg=gg cell=f.feature label=f.featureLabel.value/></th>
<#list approaches as a>
<#assign hit = gg.queryWhere("matrix", "feature", f.feature.iri, "approach", a.approach.iri)>
<#if hit?has_content><#assign m = hit?first>
<td data-approach="${layout.slug(a.approach.iri)}" data-level="${m.levelLabel.value}" data-value="${m.value.value}" data-note="${(m.note.value)!""}"><@layout.badge label=m.levelLabel.value symbol=(m.symbol.value)!""/><#if m.value.value != m.levelLabel.value> <span class="cell-value">${m.value.value}</span></#if><#if m.note??> <span class="cell-note">(${m.note.value})</span></#if><#if m.asOf??> <span class="cell-note">as of ${m.asOf.value}</span></#if></td>
<#else>
<td data-approach="${layout.slug(a.approach.iri)}"><span class="muted">not assessed</span></td>
</#if>
</#list>
</tr>
</#list>
</tbody>
</#list>
</table>
</div>
<p class="source">Source: <#list cells?map(x -> (x.sourceLabel.value)!"")?filter(x -> x?has_content) as s><#if s?index == 0>${s}</#if></#list> section of the guide, as of ${gg.site.date}.</p>
<@layout.q gg=gg name="matrix"/>
<p class="muted">The matrix's data as CSV or JSON: use the download buttons above (with JavaScript), or run <a href="${gg.querySource("matrix")}">queries/matrix.rq</a> against <a href="graph.ttl">graph.ttl</a>.</p>
</@layout.page>
