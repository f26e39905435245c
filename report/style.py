"""The report's inline stylesheet: a readable page on screen and on A4 paper, in the colours
of views/theme.py."""

from views import theme

CSS = f"""
:root{{--ink:{theme.INK};--muted:{theme.MUTED};--rule:{theme.GRID};--accent:{theme.MEASURE_COLOURS["sentiment"]};
  --paper:{theme.PAPER};--line:{theme.GREY}}}
""" + """
*{box-sizing:border-box}
html{font-family:"Source Sans Pro","Liberation Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);
  background:var(--paper);font-size:15px;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:2.2rem 1.6rem 4rem}
header{border-bottom:3px solid var(--ink);margin-bottom:1.6rem;padding-bottom:.8rem}
.kicker{text-transform:uppercase;letter-spacing:.12em;font-size:.78rem;color:var(--muted);margin:0}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;margin:1.4rem 0 .5rem}
.meta{color:var(--muted);margin:0;font-size:.92rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0 1rem}
th,td{text-align:left;padding:.32rem .55rem;border-bottom:1px solid var(--rule);vertical-align:top;
  overflow-wrap:anywhere}
thead th{border-bottom:2px solid var(--line);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.headline th,tr.headline td.num{font-weight:700}
caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0}
figure.chart{margin:1rem 0 1.8rem;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{width:100%;height:auto;display:block}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.35rem;overflow-wrap:anywhere}
.methods p{text-align:justify;hyphens:auto}
ol.refs{font-size:.88rem;padding-left:1.3rem}
ol.refs li{margin:.2rem 0}
.prov code{font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}
.prov ul{font-size:.88rem;padding-left:1.2rem}
ul.versions{columns:2}
.text .nl-article{max-width:none}
@page{size:A4;margin:16mm 14mm}
@media print{
  html{font-size:11pt}
  main{max-width:none;padding:0}
  h2{break-after:avoid}
  .nl-par{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
CSS += """
details{margin:.6rem 0}
details>summary{font-weight:600;cursor:default;margin-bottom:.3rem}
details table{font-size:.82rem}
"""
CSS += """
tr.sub th{padding-left:1.6rem;font-weight:normal}
tr.sub th .part{color:var(--muted);font-size:.82rem;font-weight:normal;white-space:nowrap}
"""
