<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title="Queries" description="Every named SPARQL query behind the views of this site.">
<h1>Queries</h1>
<p class="lead">Every table and list on this site is the result of one of these named SPARQL queries over the guide's graph (<a href="graph.ttl">graph.ttl</a>). A query that uses <code>?this</code> runs for each entity page, with <code>?this</code> bound to the page's entity.<#if gg.site.endpoint?has_content> When the site is served, they can be run on the SPARQL endpoint at <code>${gg.site.endpoint}</code>.</#if></p>
<nav aria-label="Queries on this page">
<ul class="columns">
<#list gg.queryNames as n><li><a href="#query-${n}">${n}</a></li></#list>
</ul>
</nav>
<#list gg.queryNames as n>
<section class="term" id="query-${n}" aria-labelledby="query-${n}-h">
<h2 id="query-${n}-h">${n}</h2>
<p><a href="${gg.querySource(n)}">queries/${n}.rq</a> · <a href="${gg.root}sparql.html?query=${n?url}">open in the query editor</a></p>
<pre tabindex="0"><code class="language-sparql">${gg.queryText(n)}</code></pre>
</section>
</#list>
</@layout.page>
