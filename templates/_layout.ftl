<#ftl output_format="HTML">
<#-- The page frame (head, skip link, header with navigation, main, footer) and small shared macros.
     Every page template calls <@page>. -->
<#macro page gg title description="" jsonld="" scripts=[] styles=[] bodyClass="">
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${gg.site.title}</title>
<meta name="description" content="<#if description?has_content>${description}<#else>${gg.site.purpose}</#if>">
<#if gg.site.canonical><link rel="canonical" href="${gg.site.baseUrl}${gg.path}"></#if>
<link rel="stylesheet" href="${gg.root}assets/site.css">
<link rel="stylesheet" href="${gg.root}assets/search.css">
<#list styles as st><link rel="stylesheet" href="${gg.root}assets/${st}">
</#list>
<#if gg.typeLabel != "Page"><meta name="gg:type" content="${gg.typeLabel}"></#if>
<#if jsonld?has_content><script type="application/ld+json">${jsonld}</script></#if>
<script src="${gg.root}assets/search.js" defer></script>
<#list scripts as s><script src="${gg.root}assets/${s}" defer></script>
</#list>
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-inner">
  <a class="brand" href="${gg.root}index.html">${gg.site.title}</a>
  <nav aria-label="Main">
    <ul>
      <#assign navItems = [["index.html","Home","index"],["decide.html","Help me decide","decide"],["matrix.html","Comparison","matrix"],["summary.html","Summary","summary"],["resources.html","Resources","resources"],["vocabulary.html","Vocabulary","vocabulary"],["queries.html","Queries","queries"],["sparql.html","Query","sparql"]]>
      <#list navItems as n>
      <li><a href="${gg.root}${n[0]}"<#if gg.path == n[0]> aria-current="page"</#if>>${n[1]}</a></li>
      </#list>
      <#list gg.prosePages as p>
      <li><a href="${p.href}">${p.title}</a></li>
      </#list>
    </ul>
  </nav>
  <form role="search" id="gg-search" class="gg-search" action="${gg.root}search.html">
    <label for="gg-search-input">Search</label>
    <input type="search" id="gg-search-input" name="q" autocomplete="off" placeholder="Search (press /)">
  </form>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
<#nested>
</main>
<footer class="site-footer">
  <div class="wrap">
  <p>${gg.site.title}<#if gg.site.date?has_content> · as of <time datetime="${gg.site.date}">${gg.site.date}</time></#if></p>
  <p>Every table and list on this site is a SPARQL view of the guide's knowledge graph:
    <a href="${gg.root}graph.ttl">graph.ttl</a> · <a href="${gg.root}graph.jsonld">graph.jsonld</a> · <a href="${gg.root}void.ttl">VoID</a> · <a href="${gg.root}queries.html">queries</a> · <a href="${gg.root}vocabulary.html">vocabulary</a></p>
  </div>
</footer>
</body>
</html>
</#macro>

<#-- A small link to the query behind a view. -->
<#macro q gg name>
<p class="query-link"><a href="${gg.queryLink(name)}" title="The SPARQL query behind this view">query: ${name}</a></p>
</#macro>

<#-- A support level or status: symbol (if any) and word, never colour alone. -->
<#macro badge label symbol="">
<span class="badge badge-${label?lower_case?replace(" ", "-")}"><#if symbol?has_content><span class="sym" aria-hidden="true">${symbol}</span> </#if>${label}</span></#macro>

<#-- A cell value if present, else "". -->
<#function v row key><#return (row[key].value)!""></#function>

<#-- The last segment of an IRI, usable as an id. -->
<#function slug iri><#local a = iri?last_index_of("/")><#local b = iri?last_index_of("#")><#return iri[(a > b)?then(a, b) + 1..]></#function>

<#-- A link to an entity's page when it has one, else the plain label (IRIs are not web pages). -->
<#macro elink gg cell label><#if cell?is_hash && cell.iri?? && gg.hasPage(cell.iri)><a href="${gg.link(cell.iri)}">${label}</a><#else>${label}</#if></#macro>

<#-- One resource: a link for web addresses; a path as code (never a link) with where it lives. -->
<#macro resource r>
<#if r.url??><a href="${r.url.value}">${r.label.value}</a><#else><span class="res-label">${r.label.value}</span></#if><#if r.altLabel??> <span class="muted">(also “${r.altLabel.value}”)</span></#if><#if r.kindLabel??> <span class="kind">${r.kindLabel.value}</span></#if><#if r.comment??> — ${r.comment.value}</#if><#if r.path??> <code class="path">${r.path.value}</code></#if><#if r.schedule??> <span class="schedule">${r.schedule.value}</span></#if><#if r.path??> <span class="muted">— <#if r.repositoryLabel??>in ${r.repositoryLabel.value}<#if r.availabilityLabel??> (${r.availabilityLabel.value})</#if>; </#if>not published here</span></#if></#macro>

<#-- A code block with a copy button (added by copy.js). -->
<#macro code text language="">
<div class="code-block"><pre tabindex="0"><code<#if language?has_content> class="language-${language}" data-lang="${language}"</#if>>${text}</code></pre></div>
</#macro>
