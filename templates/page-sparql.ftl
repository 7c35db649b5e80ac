<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#-- The query page: an editor for SPARQL over the guide's graph, with the guide's named queries as examples.
     query.js runs the query on the endpoint of `guidegraph serve` (same origin, ${gg.root}sparql); opened from
     disk or on a server without the endpoint, it says where the endpoint lives and still loads the examples. -->
<#assign prologue = "">
<#assign prefixes = gg.prefixes>
<#list prefixes?keys?sort as prefix><#assign prologue += "PREFIX " + prefix + ": <" + prefixes[prefix] + ">\n"></#list>
<#assign endpointPath = (gg.site.endpoint!"/sparql")?remove_beginning("/")>
<@layout.page gg=gg title="Query" description="Run SPARQL queries over the guide's knowledge graph, starting from the named queries behind every view of the site." scripts=["query.js"] styles=["query.css"]>
<h1>Query the guide</h1>
<p class="lead">Ask the guide's knowledge graph your own questions in SPARQL: start from one of the named queries behind the site's tables and lists, or write your own.</p>

<div id="q-where" class="q-where">
<p>Queries run on the read-only SPARQL endpoint that <code>guidegraph serve</code> publishes next to the site, at <code>${gg.site.endpoint!"/sparql"}</code>. The whole graph is also downloadable: <a href="${gg.root}graph.ttl">graph.ttl</a> (Turtle) · <a href="${gg.root}graph.jsonld">graph.jsonld</a> (JSON-LD).</p>
</div>
<div id="q-no-endpoint" class="q-no-endpoint" hidden>
<p><strong>No SPARQL endpoint here:</strong> run <code>guidegraph serve</code> and open <a href="http://127.0.0.1:8080/sparql.html">http://127.0.0.1:8080/sparql.html</a>; the graph is downloadable as <a href="${gg.root}graph.ttl">graph.ttl</a> / <a href="${gg.root}graph.jsonld">graph.jsonld</a>. The examples below still load into the editor, to read or to run elsewhere.</p>
</div>
<noscript><p class="q-no-endpoint">The editor runs queries from your browser and needs JavaScript. Every named query is also listed, with its text, on the <a href="${gg.root}queries.html">queries</a> page.</p></noscript>

<div class="q-layout">
<form id="q-form" class="q-form" data-endpoint="${gg.root}${endpointPath}" data-guide="${gg.site.iri}" data-root="${gg.root}" data-kinds="${gg.entityKinds?join(" ")}">
<label for="q-text" class="q-label">SPARQL query</label>
<p id="q-help" class="q-help">The PREFIX lines declare the guide's prefixes. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) runs the query.</p>
<textarea id="q-text" rows="20" cols="80" spellcheck="false" autocapitalize="off" autocomplete="off" aria-describedby="q-help q-loaded">${prologue}
SELECT ?class (COUNT(?s) AS ?count) WHERE {
  ?s a ?class .
}
GROUP BY ?class
ORDER BY DESC(?count) ?class
</textarea>
<p id="q-loaded" class="q-loaded"></p>
<div class="q-actions">
<button type="submit" id="q-run" class="button">Run query</button>
<span id="q-status" class="q-status" role="status"></span>
</div>
<div id="q-error" class="q-error" role="alert" hidden></div>
</form>

<section class="q-examples" aria-labelledby="q-examples-h">
<h2 id="q-examples-h">Examples</h2>
<p class="q-help">The guide's own named queries. Choose one to load it into the editor; each is also on the <a href="${gg.root}queries.html">queries</a> page.</p>
<ul class="q-example-list">
<#list gg.queryNames as n>
<li><button type="button" class="q-example" data-query="${n}">${n}</button></li>
</#list>
</ul>
</section>
</div>

<section id="q-results" class="q-results" aria-labelledby="q-results-h" hidden>
<h2 id="q-results-h">Results</h2>
<div class="downloads q-downloads">
<button type="button" data-download="csv">Download CSV</button>
<button type="button" data-download="json">Download JSON</button>
<button type="button" data-download="ttl">Download Turtle</button>
</div>
<div id="q-output"></div>
</section>

<script type="application/json" id="q-data">{"prologue": "${prologue?json_string?no_esc}",
"queries": {<#list gg.queryNames as n>
"${n?json_string?no_esc}": "${gg.queryText(n)?json_string?no_esc}"<#sep>,</#sep></#list>
}}
</script>
</@layout.page>
