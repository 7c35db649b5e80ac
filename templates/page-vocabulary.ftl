<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#assign gg = gg?first>
<#function local iri><#return iri?replace("https://guidegraph.org/ns#", "gg:")?replace("http://www.w3.org/2001/XMLSchema#", "xsd:")?replace("https://schema.org/", "schema:")?replace("http://www.w3.org/2004/02/skos/core#", "skos:")?replace("http://usefulinc.com/ns/doap#", "doap:")?replace("http://www.w3.org/ns/prov#", "prov:")?replace("http://www.w3.org/2000/01/rdf-schema#", "rdfs:")></#function>
<#function anchor iri><#return "term-" + layout.slug(iri)></#function>
<#macro termref iri><#if iri?starts_with("https://guidegraph.org/ns#")><a href="#${anchor(iri)}"><code>${local(iri)}</code></a><#else><code>${local(iri)}</code></#if></#macro>
<@layout.page gg=gg title="Vocabulary" description="Every class and property of the guidegraph vocabulary, with where it is used.">
<h1>Vocabulary</h1>
<p class="lead">The terms the guide's graph is written in (namespace <code>https://guidegraph.org/ns#</code>, prefix <code>gg:</code>), generated from the ontology. “Used” counts the things of a class, or the statements with a property, in this guide.</p>
<h2 id="classes">Classes</h2>
<#assign cls = gg.query("vocabulary-classes")>
<#assign seen = gg.seen()>
<#list cls as c><#if seen.first(c.class.iri)>
<section class="term" aria-labelledby="${anchor(c.class.iri)}">
<h3 id="${anchor(c.class.iri)}">${c.label.value} <code>${local(c.class.iri)}</code></h3>
<#if c.comment??><p>${c.comment.value}</p></#if>
<p class="muted"><#assign sups = cls?filter(x -> x.class.iri == c.class.iri && x.superClass?? && x.superClass.iri??)><#if sups?has_content>Subclass of <#list sups as s><@termref iri=s.superClass.iri/><#sep>, </#list>. </#if>Used: ${c.uses.value}</p>
</section>
</#if></#list>
<@layout.q gg=gg name="vocabulary-classes"/>
<h2 id="properties">Properties</h2>
<#assign props = gg.query("vocabulary-properties")>
<#assign seen = gg.seen()>
<#list props as p><#if seen.first(p.property.iri)>
<section class="term" aria-labelledby="${anchor(p.property.iri)}">
<h3 id="${anchor(p.property.iri)}">${p.label.value} <code>${local(p.property.iri)}</code></h3>
<#if p.comment??><p>${p.comment.value}</p></#if>
<p class="muted">${p.type.iri?keep_after("#")?replace("Property", " property")}<#if p.domain?? && p.domain.iri??> · domain <@termref iri=p.domain.iri/></#if><#if p.range?? && p.range.iri??> · range <@termref iri=p.range.iri/></#if> · used ${p.uses.value} times</p>
</section>
</#if></#list>
<@layout.q gg=gg name="vocabulary-properties"/>
<h2 id="individuals">Fixed values</h2>
<#assign inds = gg.query("vocabulary-individuals")>
<#assign schemes = []>
<#assign seenSchemes = gg.seen()>
<#list inds as i><#if seenSchemes.first(i.scheme.iri)><#assign schemes = schemes + [i.scheme.iri]></#if></#list>
<#list schemes as s>
<#assign rows = inds?filter(x -> x.scheme.iri == s)>
<h3 id="${anchor(s)}">${rows?first.schemeLabel.value}</h3>
<ul>
<#list rows as i><li id="${anchor(i.individual.iri)}"><#if i.symbol??><span aria-hidden="true">${i.symbol.value}</span> </#if><strong>${i.label.value}</strong> <code>${local(i.individual.iri)}</code><#if i.comment??> — ${i.comment.value}</#if></li></#list>
</ul>
</#list>
<@layout.q gg=gg name="vocabulary-individuals"/>
</@layout.page>
