<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<@layout.page gg=gg title=content.title>
<h1>${content.title}</h1>
${content.body?no_esc}
</@layout.page>
