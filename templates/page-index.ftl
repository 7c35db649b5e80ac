<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title="Home">
<h1>${gg.site.title}</h1>
<p>${gg.site.purpose}</p>
<h2 id="approaches">Approaches</h2>
<ul>
<#list gg.query("approaches") as row>
  <li><a href="${row.approach.href}">${row.label.value}</a></li>
</#list>
</ul>
<p class="query-link"><a href="${gg.queryLink("approaches")}">query</a></p>
</@layout.page>
