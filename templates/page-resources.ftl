<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#assign res = gg.query("resources")>
<#-- Each resource gets the id res-<slug> at its first listing only (a resource listed for two approaches
     appears twice): search results for a resource link to it. -->
<#assign listed = gg.seen()>
<@layout.page gg=gg title="Learning resources">
<h1>Learning resources</h1>
<p class="lead">Where to learn more about each approach. Web addresses are links; paths are shown as <code>code</code> and are not published with this site — each says which repository it belongs to and whether you can reach it.</p>
<#list gg.query("approaches") as a>
<#assign ar = gg.queryWhere("resources", "approach", a.approach.iri)>
<#if ar?has_content>
<h2 id="for-${layout.slug(a.approach.iri)}">For <@layout.elink gg=gg cell=a.approach label=a.label.value/></h2>
<#assign groups = []>
<#assign seenGroups = gg.seen()>
<#list ar as r><#assign g = (r.group.value)!"Other"><#if seenGroups.first(g)><#assign groups = groups + [g]></#if></#list>
<#list groups as g>
<h3 id="for-${layout.slug(a.approach.iri)}-${g?index + 1}">${g}</h3>
<ul>
<#list ar?filter(r -> ((r.group.value)!"Other") == g) as r><li<@resId r=r/>><@layout.resource r=r/></li></#list>
</ul>
</#list>
</#if>
</#list>
<#assign other = res?filter(r -> !r.approach??)>
<#if other?has_content>
<h2 id="cited-elsewhere">Cited by use cases and steps</h2>
<ul>
<#list other as r><li<@resId r=r/>><@layout.resource r=r/></li></#list>
</ul>
</#if>
<@layout.q gg=gg name="resources"/>
<h2 id="repositories">Repositories</h2>
<ul>
<#list gg.query("repositories") as r>
<li><#if r.url??><a href="${r.url.value}">${r.label.value}</a><#else>${r.label.value}</#if><#if r.availabilityLabel??> — <strong>${r.availabilityLabel.value}</strong><#if r.availabilityComment??> <span class="muted">(${r.availabilityComment.value})</span></#if></#if><#if r.path??> <code class="path">${r.path.value}</code></#if><#if r.derivedFromLabel??> <span class="muted">checkout of ${r.derivedFromLabel.value}</span></#if><#if r.comment??><br><span class="muted">${r.comment.value}</span></#if></li>
</#list>
</ul>
<@layout.q gg=gg name="repositories"/>
</@layout.page>
<#macro resId r><#if r.resource?? && r.resource.iri?? && listed.first(r.resource.iri)> id="res-${layout.slug(r.resource.iri)}"</#if></#macro>
