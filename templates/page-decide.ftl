<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#assign qs = gg.query("decision-questions")>
<#assign outs = gg.query("decision-outcomes")>
<#assign ores = gg.query("decision-outcome-resources")>
<#assign seen = []>
<#macro outcome iri>
<#local o = (outs?filter(x -> x.outcome.iri == iri)?first)!{}>
<#if seen?seq_contains(iri)>
<a class="outcome" href="#o-${layout.slug(iri)}">${(o.label.value)!iri} (see above)</a>
<#else>
<#global seen = seen + [iri]>
<div class="outcome" id="o-${layout.slug(iri)}">
<#if o.statusLabel??><@layout.badge label=o.statusLabel.value symbol=(o.statusSymbol.value)!""/> </#if><strong>${(o.text.value)!(o.label.value)!""}</strong><#if o.note??><br>${o.note.value}</#if>
<#if o.approach?? || o.useCase?? || ores?filter(r -> r.outcome.iri == iri)?has_content>
<ul>
<#if o.approach??><li>Approach: <@layout.elink gg=gg cell=o.approach label=o.approachLabel.value/></li></#if>
<#if o.useCase??><li>In depth: <@layout.elink gg=gg cell=o.useCase label=o.useCaseLabel.value/></li></#if>
<#list ores?filter(r -> r.outcome.iri == iri) as r><li><span aria-hidden="true">📖</span> <#if r.url??><a href="${r.url.value}">${r.label.value}</a><#else>${r.label.value}</#if><#if r.path??> <code class="path">${r.path.value}</code> <span class="muted">(not published here)</span></#if></li></#list>
</ul>
</#if>
</div>
</#if>
</#macro>
<#macro question iri>
<#local rows = qs?filter(x -> x.question.iri == iri)>
<#if seen?seq_contains(iri)>
<li><a href="#q-${layout.slug(iri)}">${(rows?first.text.value)!iri} (see above)</a></li>
<#else>
<#global seen = seen + [iri]>
<li id="q-${layout.slug(iri)}"><p class="question">${(rows?first.text.value)!(rows?first.label.value)!""}</p>
<ul>
<#list rows?filter(x -> x.optionLabel??) as op>
<li><span class="option">${op.optionLabel.value}</span> →
<#if op.targetIsQuestion?? && op.targetIsQuestion.value == "true"><ul class="tree-next"><@question iri=op.target.iri/></ul><#else><@outcome iri=op.target.iri/></#if>
</li>
</#list>
</ul>
</li>
</#if>
</#macro>
<@layout.page gg=gg title="Help me decide" description="The guide's quick decision tree: questions, options and outcomes.">
<h1>Help me decide</h1>
<p class="lead">Start with the first question and follow your answers; each outcome links to the approach it recommends.</p>
<#if qs?has_content>
<h2 id="tree">Quick decision tree</h2>
<ol class="tree">
<@question iri=qs?first.root.iri/>
</ol>
<@layout.q gg=gg name="decision-questions"/>
<@layout.q gg=gg name="decision-outcomes"/>
<@layout.q gg=gg name="decision-outcome-resources"/>
</#if>
<h2 id="need-help">Need help deciding?</h2>
<ol>
<#list gg.query("help-steps") as h>
<li>${gg.md(h.text.value)?no_esc}<#if h.path??> <span class="muted">— <code class="path">${h.path.value}</code><#if h.repositoryLabel??> in ${h.repositoryLabel.value}<#if h.availabilityLabel??> (${h.availabilityLabel.value})</#if></#if>; not published here</span><#elseif h.url??> — <a href="${h.url.value}">${h.resourceLabel.value}</a></#if></li>
</#list>
</ol>
<@layout.q gg=gg name="help-steps"/>
<p>Or compare the approaches feature by feature in the <a href="matrix.html">comparison matrix</a>.</p>
</@layout.page>
