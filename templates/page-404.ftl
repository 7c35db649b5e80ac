<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title="Page not found">
<h1>Page not found</h1>
<p class="lead">Sorry — there is no page at this address. It may have moved, or the link may be mistyped.</p>
<ul>
<li><a href="index.html">Go to the home page</a></li>
<li><a href="decide.html">Help me decide</a></li>
<li><a href="matrix.html">Comparison matrix</a></li>
<li><a href="resources.html">Learning resources</a></li>
</ul>
</@layout.page>
