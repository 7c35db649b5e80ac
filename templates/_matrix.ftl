<#ftl output_format="HTML">
<#-- The comparison matrix's table parts, shared by the matrix page and the category pages. -->
<#import "_layout.ftl" as layout>

<#-- A guide with more matrix cells than this shows its matrix one category per page (each category's page), and
     the matrix page lists the categories: one page of tens of thousands of cells is too heavy for a browser. -->
<#function split gg><#assign size = gg.query("matrix-size")?first><#return size.features.value?number * size.approaches.value?number &gt; 2000></#function>

<#-- Where a feature's row of the matrix is: on the matrix page, or on its category's page when the matrix is split. -->
<#function rowLink gg feature category><#if split(gg) && gg.hasPage(category)><#return gg.link(category) + "#f-" + layout.slug(feature)><#else><#return gg.link("matrix.html") + "#f-" + layout.slug(feature)></#if></#function>

<#macro head gg approaches>
<thead>
<tr><th scope="col">Feature</th><#list approaches as a><th scope="col" data-approach="${layout.slug(a.approach.iri)}"><@layout.elink gg=gg cell=a.approach label=a.label.value/></th></#list></tr>
</thead>
</#macro>

<#-- One feature's row: a header cell, then the feature's assessment for each approach. -->
<#macro row gg f approaches>
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
</#macro>
