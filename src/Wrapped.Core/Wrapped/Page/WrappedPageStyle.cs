namespace Wrapped.Core.Wrapped.Page;

/// <summary>The page's one stylesheet, inlined: system fonts, no image, readable without colour.</summary>
internal static class WrappedPageStyle
{
    public const string Css = """
        :root{--ink:#f6f4ff;--muted:#b9b3d6;--panel:rgba(255,255,255,.06);--line:rgba(255,255,255,.12);--green:#1ed760;--violet:#9b7bff;--amber:#ffb547;--pink:#ff5fa2;--cyan:#3fd5ff}
        *{box-sizing:border-box}
        html{background:#0d0b1a}
        body{margin:0;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
          background:radial-gradient(60rem 40rem at 85% -10%,rgba(155,123,255,.35),transparent 60%),radial-gradient(50rem 35rem at -10% 10%,rgba(30,215,96,.25),transparent 60%),radial-gradient(40rem 30rem at 50% 110%,rgba(255,95,162,.22),transparent 60%),#0d0b1a;min-height:100vh}
        main{max-width:1080px;margin:0 auto;padding:48px 24px 32px}
        h1,h2{margin:0;font-weight:800;letter-spacing:-.02em}
        h2{font-size:1.15rem}
        .hero{margin-bottom:32px}
        .eyebrow{margin:0 0 8px;text-transform:uppercase;letter-spacing:.18em;font-weight:700;color:var(--green);font-size:.85rem}
        .hero h1{font-size:clamp(2rem,5vw,3.4rem);line-height:1.05;max-width:18ch;background:linear-gradient(90deg,#fff 0%,#e2d9ff 45%,var(--pink) 100%);-webkit-background-clip:text;background-clip:text;color:transparent}
        .lede{color:var(--muted);margin:14px 0 0;max-width:60ch}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px;margin-bottom:28px}
        .stat{background:var(--panel);border:1px solid var(--line);border-radius:18px;padding:18px 20px;display:flex;flex-direction:column;gap:4px}
        .stat.big{grid-column:span 2;background:linear-gradient(135deg,rgba(30,215,96,.28),rgba(63,213,255,.14));border-color:rgba(30,215,96,.45)}
        .stat .number{font-size:1.9rem;font-weight:800;font-variant-numeric:tabular-nums;line-height:1.1}
        .stat.big .number{font-size:clamp(2.6rem,6vw,3.8rem)}
        .stat .label{color:var(--muted);font-size:.92rem}
        .personality{background:var(--panel);border:1px solid var(--line);border-radius:24px;padding:26px;margin-bottom:28px}
        .personality .code{display:inline-block;padding:0 .35em;border-radius:10px;background:var(--ink);color:#0d0b1a;letter-spacing:.12em;font-variant-numeric:tabular-nums}
        .words{margin:10px 0 18px;color:var(--muted);font-size:1.05rem}
        .letters{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:14px}
        .letter{border-radius:18px;padding:16px 18px;display:grid;grid-template-columns:auto 1fr;column-gap:14px;align-items:center;background:rgba(255,255,255,.04);border:1px solid var(--line)}
        .letter .glyph{grid-row:span 3;width:56px;height:56px;border-radius:14px;display:grid;place-items:center;font-size:2rem;font-weight:900;color:#0d0b1a}
        .letter .word{font-weight:800}
        .letter .meaning{color:var(--ink);font-size:.92rem}
        .letter .dimension{color:var(--muted);font-size:.78rem;text-transform:uppercase;letter-spacing:.08em}
        .letter-f .glyph,.letter-e .glyph{background:var(--green)}
        .letter-t .glyph,.letter-n .glyph{background:var(--violet)}
        .letter-l .glyph,.letter-v .glyph{background:var(--amber)}
        .letter-c .glyph,.letter-u .glyph{background:var(--pink)}
        .aside{margin:16px 0 0;color:var(--muted);font-size:.9rem}
        .tops{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:14px;margin-bottom:28px}
        .top{background:var(--panel);border:1px solid var(--line);border-radius:20px;padding:20px}
        .top ol{list-style:none;margin:14px 0 0;padding:0;display:flex;flex-direction:column;gap:12px}
        .top li{display:grid;grid-template-columns:28px 1fr auto;gap:10px;align-items:center}
        .rank{font-weight:900;font-size:1.3rem;color:var(--green);text-align:center}
        .what{display:flex;flex-direction:column;min-width:0}
        .name{font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .detail{color:var(--muted);font-size:.85rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .meter{width:100%;height:6px;margin-top:6px}
        .meter .track{fill:rgba(255,255,255,.08)}
        .meter .fill{fill:var(--green)}
        .minutes{color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums;white-space:nowrap}
        .empty{color:var(--muted)}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px}
        .figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:20px;padding:20px}
        .figure-months,.figure-hours{grid-column:1/-1}
        .scores dl{margin:8px 0 0;display:flex;flex-direction:column;gap:14px}
        .scores dt{font-weight:800}
        .scores dd{margin:2px 0 0;color:var(--muted)}
        .score-value{color:var(--ink);font-weight:800;font-variant-numeric:tabular-nums}
        .note{margin:4px 0 12px;color:var(--muted)}
        figcaption p{margin:4px 0 12px;color:var(--muted)}
        .chart{width:100%;height:auto;display:block;overflow:visible}
        .chart .bar{fill:var(--violet)}
        .chart .bar.peak{fill:var(--green)}
        .chart .axis{stroke:var(--line)}
        .chart text{fill:var(--muted);font-size:11px;font-family:inherit}
        .chart .value{fill:var(--ink);font-weight:700;font-size:10px}
        footer{margin-top:28px;color:var(--muted);font-size:.85rem}
        .visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        @media (max-width:520px){.stat.big{grid-column:auto}.charts{grid-template-columns:1fr}}
        """;
}
