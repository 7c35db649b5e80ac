<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title="Help me decide" description="The guide's quick decision tree: questions, options and outcomes." scripts=["wizard.js"] styles=["diagram.css"]>
<h1>Help me decide</h1>
<p class="lead">Answer one question at a time; each outcome links to the approach it recommends and the use case that explains it.</p>
<#list gg.decisionTrees as t>
<#if t?index == 0>
<h2 id="walk">Walk through the questions</h2>
${t.wizard?no_esc}
<h2 id="tree">The decision tree</h2>
<figure class="gg-diagram-figure">
<div class="gg-diagram">${t.svg?no_esc}</div>
<figcaption>${t.title}: questions in boxes, answers on the arrows, outcomes with ✅ or ⚠️ and their recommendation. Select an outcome to open its page.</figcaption>
</figure>
<h2 id="tree-list">The tree as a list</h2>
${t.text?no_esc}
<@layout.q gg=gg name="decision-tree"/>
</#if>
</#list>
<h2 id="need-help">Need help deciding?</h2>
<ol>
<#list gg.query("help-steps") as h>
<li>${gg.md(h.text.value)?no_esc}<#if h.path??> <span class="muted">— <code class="path">${h.path.value}</code><#if h.repositoryLabel??> in ${h.repositoryLabel.value}<#if h.availabilityLabel??> (${h.availabilityLabel.value})</#if></#if>; not published here</span><#elseif h.url??> — <a href="${h.url.value}">${h.resourceLabel.value}</a></#if></li>
</#list>
</ol>
<@layout.q gg=gg name="help-steps"/>
<p>Or compare the approaches feature by feature in the <a href="matrix.html">comparison matrix</a>.</p>
</@layout.page>
