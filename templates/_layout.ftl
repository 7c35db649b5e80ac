<#ftl output_format="HTML">
<#-- The page frame: head, skip link, header with navigation, main, footer. Every page template calls <@page>. -->
<#macro page gg title description="">
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${gg.site.title}</title>
<#if description?has_content><meta name="description" content="${description}"></#if>
<#if gg.site.canonical><link rel="canonical" href="${gg.site.baseUrl}${gg.path}"></#if>
<link rel="stylesheet" href="${gg.root}assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="${gg.root}index.html">${gg.site.title}</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="${gg.root}matrix.html">Comparison</a></li>
      <li><a href="${gg.root}resources.html">Resources</a></li>
      <li><a href="${gg.root}summary.html">Summary</a></li>
      <li><a href="${gg.root}queries.html">Queries</a></li>
    </ul>
  </nav>
</header>
<main id="main">
<#nested>
</main>
<footer class="site-footer">
  <p>Generated from the guide's knowledge graph: <a href="${gg.root}graph.ttl">graph.ttl</a> · <a href="${gg.root}graph.jsonld">JSON-LD</a> · <a href="${gg.root}void.ttl">VoID</a></p>
</footer>
</body>
</html>
</#macro>
