<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title="Search" description="Search the guide's pages, sections and resources.">
<h1>Search</h1>
<p class="lead">Results for the words in the search box above; they appear as you type.</p>
<div id="gg-search-page" data-gg-search="ignore"></div>
<noscript><p>Search runs in your browser and needs JavaScript. Without it, every page is reachable from the
navigation above, and the <a href="${gg.root}matrix.html">comparison</a> and
<a href="${gg.root}resources.html">resources</a> pages list everything the guide covers.</p></noscript>
</@layout.page>
