/**
 * A self-contained API reference: it reads /v1/openapi.json and renders every operation with
 * its parameters, request body and responses. No CDN, so it works on an offline install.
 */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ringtrail API reference</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c2530;background:#f7f8fa}
header{background:#14324a;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}
main{max-width:980px;margin:0 auto;padding:16px 32px}
section.op{background:#fff;border:1px solid #dde2e8;border-radius:8px;margin:14px 0;padding:12px 18px}
.m{display:inline-block;min-width:58px;text-align:center;border-radius:4px;color:#fff;font-weight:600;font-size:12px;padding:2px 6px;margin-right:8px}
.get{background:#2f7d32}.post{background:#1565c0}.patch{background:#ef6c00}.put{background:#6a1b9a}.delete{background:#c62828}
code,pre{font-family:ui-monospace,Menlo,monospace;font-size:13px}pre{background:#f1f3f6;padding:10px;border-radius:6px;overflow:auto;max-height:320px}
h2{margin-top:28px;border-bottom:1px solid #dde2e8}details summary{cursor:pointer;color:#14324a}
</style></head><body><header><h1>Ringtrail API reference</h1><div id="v"></div></header><main id="root">Loading /v1/openapi.json…</main>
<script>
fetch("/v1/openapi.json").then(function(r){return r.json()}).then(function(doc){
  var root=document.getElementById("root");root.textContent="";
  document.getElementById("v").textContent=doc.info.description+" Version "+doc.info.version+".";
  var tags={};
  Object.keys(doc.paths).forEach(function(p){Object.keys(doc.paths[p]).forEach(function(m){
    var op=doc.paths[p][m];var t=(op.tags&&op.tags[0])||"Other";(tags[t]=tags[t]||[]).push({p:p,m:m,op:op});});});
  Object.keys(tags).forEach(function(t){
    var h=document.createElement("h2");h.textContent=t;root.appendChild(h);
    tags[t].forEach(function(e){
      var s=document.createElement("section");s.className="op";
      var head=document.createElement("div");var m=document.createElement("span");m.className="m "+e.m;m.textContent=e.m.toUpperCase();
      var path=document.createElement("code");path.textContent=e.p;head.appendChild(m);head.appendChild(path);s.appendChild(head);
      var d=document.createElement("p");d.textContent=(e.op.summary||"")+(e.op.description?" — "+e.op.description:"");s.appendChild(d);
      [["Parameters",e.op.parameters],["Request body",e.op.requestBody],["Responses",e.op.responses]].forEach(function(x){
        if(!x[1])return;var det=document.createElement("details");var sum=document.createElement("summary");sum.textContent=x[0];
        var pre=document.createElement("pre");pre.textContent=JSON.stringify(x[1],null,2);det.appendChild(sum);det.appendChild(pre);s.appendChild(det);});
      root.appendChild(s);});});
  var h=document.createElement("h2");h.textContent="Schemas";root.appendChild(h);
  var pre=document.createElement("pre");pre.style.maxHeight="none";pre.textContent=JSON.stringify(doc.components&&doc.components.schemas,null,2);root.appendChild(pre);
}).catch(function(err){document.getElementById("root").textContent="Could not load the OpenAPI document: "+err;});
</script></body></html>`;
