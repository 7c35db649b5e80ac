<#ftl output_format="HTML">
<#-- schema.org JSON-LD for entity pages: type, name, identifier and URL (canonical when a base URL is set). -->
<#function jsonld gg type extra="">
<#local url = gg.site.canonical?then(gg.site.baseUrl + gg.path, gg.entity)>
<#local s = '{"@context":"https://schema.org","@type":"' + type?json_string + '","@id":"' + gg.entity?json_string
  + '","name":"' + gg.title?json_string + '","url":"' + url?json_string + '","isPartOf":{"@type":"CreativeWork","name":"'
  + gg.site.title?json_string + '"}' + extra + '}'>
<#return s?no_esc>
</#function>
