<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#assign gg = gg?first>
<#assign me = (gg.queryWhere("accelerators", "accelerator", gg.entity)?first)!{}>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "Product")>
<h1>${gg.title}</h1>
<dl class="facts">
<#if me.short??><dt>Short name</dt><dd>${me.short.value}</dd></#if>
<#if me.vendor??><dt>Vendor</dt><dd>${me.vendor.value}</dd></#if>
</dl>
<@layout.q gg=gg name="accelerators"/>
<h2 id="support">Which approaches support it</h2>
<#assign sup = gg.query("accelerator-support")>
<#if sup?has_content>
<div class="table-scroll" role="region" aria-labelledby="support" tabindex="0">
<table>
<caption>Approaches on ${gg.title}</caption>
<thead><tr><th scope="col">Approach</th><th scope="col">Level</th><th scope="col">Note</th><th scope="col">Source</th></tr></thead>
<tbody>
<#list sup as s><tr><th scope="row"><@layout.elink gg=gg cell=s.approach label=s.approachLabel.value/></th><td><@layout.badge label=s.levelLabel.value symbol=(s.symbol.value)!""/></td><td>${(s.note.value)!""}</td><td class="source">${(s.sources.value)!""}</td></tr></#list>
</tbody>
</table>
</div>
<#else><p class="muted">The guide states no approach's support for this accelerator family.</p></#if>
<p class="muted">Approaches not listed: the guide names no support statement for them (see the Multi-Accelerator row of the <a href="${gg.link("matrix.html")}#f-multi-accelerator">matrix</a>).</p>
<@layout.q gg=gg name="accelerator-support"/>
<#assign pts = gg.query("accelerator-points")>
<#if pts?has_content>
<h2 id="mentions">Where the guide mentions it</h2>
<ul>
<#list pts as p><li><@layout.elink gg=gg cell=p.need label="I need: " + p.needLabel.value/> — <@layout.elink gg=gg cell=p.approach label=p.approachLabel.value/>: <#if p.levelLabel??><@layout.badge label=p.levelLabel.value symbol=(p.symbol.value)!""/> </#if>${p.text.value}</li></#list>
</ul>
<@layout.q gg=gg name="accelerator-points"/>
</#if>
</@layout.page>
