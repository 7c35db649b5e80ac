<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title=gg.title>
<h1>${gg.title}</h1>
</@layout.page>
