<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#import "_matrix.ftl" as mx>
<#assign gg = gg?first>
<#assign me = (gg.queryWhere("approaches", "approach", gg.entity)?first)!{}>
<#assign extra = "">
<#if me.homepage??><#assign extra = ',"sameAs":"' + me.homepage.value?json_string + '"'></#if>
<#assign extra = extra + ',"applicationCategory":"LLM serving"'>
<@layout.page gg=gg title=gg.title jsonld=e.jsonld(gg, "SoftwareApplication", extra) scripts=["copy.js"]>
<h1>${gg.title}</h1>
<#assign assessments = gg.query("approach-assessments")>
<dl class="facts">
<#if me.short??><dt>Short name</dt><dd>${me.short.value}</dd></#if>
<#list gg.where(assessments, "featureLabel", ["Status", "Production Ready"]) as a>
<dt>${a.featureLabel.value}</dt><dd><@layout.badge label=a.levelLabel.value symbol=(a.symbol.value)!""/> ${a.value.value}<#if a.note??> (${a.note.value})</#if></dd>
</#list>
<#if me.homepage??><dt>Website</dt><dd><a href="${me.homepage.value}">${me.homepage.value}</a></dd></#if>
<#if me.repositoryUrl??><dt>Repository</dt><dd><a href="${me.repositoryUrl.value}">${me.repositoryUrl.value}</a></dd></#if>
</dl>
<@layout.q gg=gg name="approaches"/>

<h2 id="assessments">Assessments</h2>
<#if mx.split(gg)>
<#assign levels = gg.query("support-levels")>
<p>${gg.title} is assessed on ${gg.count(assessments, "feature")} features; each category's page shows them in its part of the matrix.</p>
<div class="table-scroll" role="region" aria-labelledby="assessments" tabindex="0">
<table>
<caption>How ${gg.title} fares, by category of the comparison matrix</caption>
<thead><tr><th scope="col">Category</th><th scope="col">Features</th><#list levels as l><th scope="col"><@layout.badge label=l.label.value symbol=(l.symbol.value)!""/></th></#list></tr></thead>
<tbody>
<#list gg.groups("approach-assessments", "category") as g>
<#assign c = g?first>
<#assign byLevel = gg.countBy(g, "level", "feature")>
<tr><th scope="row"><#if gg.hasPage(c.category.iri)><a href="${gg.link(c.category.iri)}#matrix">${c.categoryLabel.value}</a><#else>${c.categoryLabel.value}</#if></th><td>${gg.count(g, "feature")}</td><#list levels as l><td>${byLevel[l.level.iri]!0}</td></#list></tr>
</#list>
</tbody>
</table>
</div>
<#else>
<div class="table-scroll" role="region" aria-labelledby="assessments" tabindex="0">
<table>
<caption>How ${gg.title} fares on every feature of the comparison matrix</caption>
<thead><tr><th scope="col">Category</th><th scope="col">Feature</th><th scope="col">Level</th><th scope="col">Value</th><th scope="col">Note</th><th scope="col">Source</th></tr></thead>
<tbody>
<#list assessments as a>
<tr><td>${a.categoryLabel.value}</td><th scope="row"><@layout.elink gg=gg cell=a.feature label=a.featureLabel.value/></th><td><@layout.badge label=a.levelLabel.value symbol=(a.symbol.value)!""/></td><td>${a.value.value}<#if a.asOf??> <span class="muted">(as of ${a.asOf.value})</span></#if></td><td>${(a.note.value)!""}</td><td class="source">${(a.sourceLabel.value)!""}</td></tr>
</#list>
</tbody>
</table>
</div>
</#if>
<@layout.q gg=gg name="approach-assessments"/>

<#assign accs = gg.query("approach-accelerators")>
<h2 id="accelerators">Accelerators</h2>
<#if accs?has_content>
<ul>
<#list accs as a>
<li><@layout.badge label=a.levelLabel.value symbol=(a.symbol.value)!""/> <@layout.elink gg=gg cell=a.accelerator label=a.acceleratorLabel.value/><#if a.note??> (${a.note.value})</#if><#if a.sources?? && a.sources.value?has_content> <span class="source">— ${a.sources.value}</span></#if></li>
</#list>
</ul>
<#else>
<p class="muted">The guide names no accelerator family for this approach; see the Multi-Accelerator row of the <a href="${gg.link("matrix.html")}#f-multi-accelerator">matrix</a>.</p>
</#if>
<@layout.q gg=gg name="approach-accelerators"/>

<h2 id="recommended-for">Recommended for</h2>
<#assign ucs = gg.query("approach-use-cases")>
<h3 id="use-cases">Use cases (best choice)</h3>
<#if ucs?has_content><ul>
<#list ucs as u><li><@layout.elink gg=gg cell=u.useCase label=u.label.value/><#if u.qualifier??> <span class="muted">(${u.qualifier.value})</span></#if></li></#list>
</ul><#else><p class="muted">No use case names it as the best choice.</p></#if>
<@layout.q gg=gg name="approach-use-cases"/>
<#assign alts = gg.query("approach-alternatives")>
<#if alts?has_content>
<h3 id="alternative-for">Alternative for</h3>
<ul>
<#list alts as u><li><@layout.elink gg=gg cell=u.useCase label=u.label.value/>: ${u.condition.value}</li></#list>
</ul>
<@layout.q gg=gg name="approach-alternatives"/>
</#if>
<h3 id="situations">Situations (summary table)</h3>
<#assign sits = gg.query("approach-situations")>
<#if sits?has_content><ul>
<#list sits as s><li><a href="${gg.link("summary.html")}#s-${layout.slug(s.situation.iri)}">${s.text.value}</a>: ${s.recommendation.value}</li></#list>
</ul><#else><p class="muted">No situation of the summary recommends it.</p></#if>
<@layout.q gg=gg name="approach-situations"/>
<h3 id="decision-outcomes">Decision-tree outcomes</h3>
<#assign outs = gg.query("approach-outcomes")>
<#if outs?has_content><ul>
<#list outs as o><li><#if o.statusLabel??><@layout.badge label=o.statusLabel.value symbol=(o.statusSymbol.value)!""/> </#if><a href="${gg.link("decide.html")}#o-${layout.slug(o.outcome.iri)}">${(o.text.value)!o.label.value}</a><#if o.note??> — ${o.note.value}</#if></li></#list>
</ul><#else><p class="muted">No outcome of the decision tree points to it.</p></#if>
<@layout.q gg=gg name="approach-outcomes"/>

<h2 id="getting-started">Getting started</h2>
<#assign steps = gg.query("approach-steps")>
<#if steps?has_content>
<#list steps as s>
<h3 id="step-${layout.slug(s.step.iri)}">${s.label.value}<#if s.useCaseLabel??> <span class="muted">(${s.useCaseLabel.value})</span></#if></h3>
<@layout.code text=s.code.value language=(s.language.value)!""/>
</#list>
<#else><p class="muted">The guide gives no getting-started code for this approach.</p></#if>
<@layout.q gg=gg name="approach-steps"/>

<h2 id="resources">Learning resources</h2>
<#assign res = gg.query("approach-resources")>
<#if res?has_content>
<#assign groups = []>
<#assign seenGroups = gg.seen()>
<#list res as r><#assign g = (r.group.value)!"Other"><#if seenGroups.first(g)><#assign groups = groups + [g]></#if></#list>
<#list groups as g>
<h3 id="resources-${g?index + 1}">${g}</h3>
<ul>
<#list res?filter(r -> ((r.group.value)!"Other") == g) as r><li><@layout.resource r=r/></li></#list>
</ul>
</#list>
<#else><p class="muted">No learning resources are listed for this approach.</p></#if>
<@layout.q gg=gg name="approach-resources"/>
</@layout.page>
