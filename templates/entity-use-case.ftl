<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#assign gg = gg?first>
<#assign choices = gg.query("use-case-choices")>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "HowTo") scripts=["copy.js"]>
<h1>${gg.title}</h1>
<#if choices?has_content && choices?first.sourceLabel??><p class="source">Source: ${choices?first.sourceLabel.value}</p></#if>
<section class="card" aria-labelledby="best-choice">
<h2 id="best-choice">Best choice</h2>
<ul>
<#list choices as c><li><strong><@layout.elink gg=gg cell=c.approach label=c.approachLabel.value/></strong><#if c.qualifier??> <span class="muted">(${c.qualifier.value})</span></#if></li></#list>
</ul>
<@layout.q gg=gg name="use-case-choices"/>
</section>

<#assign reasons = gg.query("use-case-reasons")>
<#if reasons?has_content>
<h2 id="why">Why</h2>
<ol>
<#list reasons as r><li>${gg.md(r.text.value)?no_esc}<#if r.approach??> <span class="muted">(<@layout.elink gg=gg cell=r.approach label=r.approachLabel.value/>)</span></#if></li></#list>
</ol>
<@layout.q gg=gg name="use-case-reasons"/>
</#if>

<#assign steps = gg.query("use-case-steps")>
<#if steps?has_content>
<h2 id="getting-started">Getting started</h2>
<#list steps as s>
<h3 id="step-${layout.slug(s.step.iri)}">${s.label.value}</h3>
<#if s.resourcePath??><p class="muted">Works in <code class="path">${s.resourcePath.value}</code> (${s.resourceLabel.value}; a path on the author's machine, not published here).</p></#if>
<@layout.code text=s.code.value language=(s.language.value)!""/>
</#list>
<@layout.q gg=gg name="use-case-steps"/>
</#if>

<#assign paths = gg.query("use-case-paths")>
<#if paths?has_content>
<h2 id="well-lit-paths">Well-lit paths</h2>
<div class="cards-3">
<#list paths as p>
<section class="card" aria-labelledby="path-${layout.slug(p.path.iri)}">
<h3 id="path-${layout.slug(p.path.iri)}">${p.label.value}</h3>
<dl class="facts">
<#if p.model??><dt>Model</dt><dd>${p.model.value}</dd></#if>
<#if p.modelFamily??><dt>Models</dt><dd>${p.modelFamily.value}</dd></#if>
<#if p.workerLayout??><dt>Workers</dt><dd>${p.workerLayout.value}</dd></#if>
<#if p.hardware??><dt>Hardware</dt><dd>${p.hardware.value}</dd></#if>
<#if p.locationLabel??><dt>Guide</dt><dd><#if p.locationUrl??><a href="${p.locationUrl.value}">${p.locationLabel.value}</a><#else>${p.locationLabel.value}</#if><#if p.locationPath??> <code class="path">${p.locationPath.value}</code> <span class="muted">(<#if p.repositoryLabel??>in ${p.repositoryLabel.value}<#if p.availabilityLabel??>, ${p.availabilityLabel.value}</#if>; </#if>not published here)</span></#if></dd></#if>
</dl>
</section>
</#list>
</div>
<@layout.q gg=gg name="use-case-paths"/>
</#if>

<#assign res = gg.query("use-case-resources")>
<#if res?has_content>
<h2 id="resources">Resources</h2>
<ul>
<#list res as r><li><@layout.resource r=r/></li></#list>
</ul>
<@layout.q gg=gg name="use-case-resources"/>
</#if>

<#assign alts = gg.query("use-case-alternatives")>
<#if alts?has_content>
<h2 id="alternatives">When to consider alternatives</h2>
<ul>
<#list alts as a><li>${a.condition.value} → <@layout.elink gg=gg cell=a.approach label=a.approachLabel.value/></li></#list>
</ul>
<@layout.q gg=gg name="use-case-alternatives"/>
</#if>

<#assign outs = gg.query("use-case-outcomes")>
<#if outs?has_content>
<h2 id="decision-tree">In the decision tree</h2>
<ul>
<#list outs as o><li><a href="${gg.link("decide.html")}#o-${layout.slug(o.outcome.iri)}">${(o.text.value)!o.label.value}</a></li></#list>
</ul>
<@layout.q gg=gg name="use-case-outcomes"/>
</#if>
</@layout.page>
