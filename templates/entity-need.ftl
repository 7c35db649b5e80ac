<#ftl output_format="HTML">
<#import "_layout.ftl" as layout>
<#import "_entity.ftl" as e>
<#assign gg = gg?first>
<#assign me = (gg.queryWhere("needs", "need", gg.entity)?first)!{}>
<@layout.page gg=gg title="I need: " + gg.title jsonld=e.jsonld(gg, "WebPageElement")>
<h1>I need: ${gg.title}</h1>
<#if me.feature??><p class="lead">Discusses the matrix row <@layout.elink gg=gg cell=me.feature label=me.featureLabel.value/>.</p></#if>
<#if me.sourceLabel??><p class="source">Source: ${me.sourceLabel.value}</p></#if>
<@layout.q gg=gg name="needs"/>
<h2 id="by-approach">What each approach offers</h2>
<#list gg.groups("need-details", "approach") as ar>
<#assign ap = ar?first.approach.iri>
<section class="card" aria-labelledby="a-${layout.slug(ap)}">
<h3 id="a-${layout.slug(ap)}"><@layout.elink gg=gg cell=ar?first.approach label=ar?first.approachLabel.value/> <@layout.badge label=ar?first.levelLabel.value symbol=(ar?first.symbol.value)!""/></h3>
<ul>
<#list ar?filter(r -> r.pointText??) as p><li><#if p.pointLevelLabel??><@layout.badge label=p.pointLevelLabel.value symbol=(p.pointSymbol.value)!""/> </#if><#if p.accelerator??><@layout.elink gg=gg cell=p.accelerator label=p.pointText.value/><#else>${gg.md(p.pointText.value)?no_esc}</#if></li></#list>
</ul>
</section>
</#list>
<@layout.q gg=gg name="need-details"/>
<#if me.feature??>
<#assign dis = gg.queryFor("feature-disagreements", me.feature.iri)?filter(d -> d.need.iri == gg.entity)>
<#if dis?has_content>
<h2 id="disagreements">Where this section and the matrix disagree</h2>
<ul>
<#list dis as d>
<li class="card disagreement"><strong><@layout.elink gg=gg cell=d.approach label=d.approachLabel.value/></strong>:
the <em>${(d.matrixSourceLabel.value)!"matrix"}</em> says <@layout.badge label=d.matrixLevelLabel.value symbol=(d.matrixSymbol.value)!""/><#if d.value.value != d.matrixLevelLabel.value> ${d.value.value}</#if><#if d.note??> (${d.note.value})</#if>;
<em>${(d.needSourceLabel.value)!d.needLabel.value}</em> says <@layout.badge label=d.needLevelLabel.value symbol=(d.needSymbol.value)!""/><#if d.pointText??>, with the point <@layout.badge label=d.pointLevelLabel.value symbol=(d.pointSymbol.value)!""/> “${gg.md(d.pointText.value)?no_esc}”</#if>.</li>
</#list>
</ul>
<@layout.q gg=gg name="feature-disagreements"/>
</#if>
</#if>
</@layout.page>
