#!/usr/bin/env python3
"""Bulk import benchmark (issue 14, part 2): on a fresh demo site for each N given (default 1000 5000 20000), a Content
recipe step of N BranchNews items and a Roster step of N staff and students (with phone numbers, encrypted), each run
with `recipe run`, then `search rebuild` of the site's index (the N items and the demo's). Prints each one's wall time
and the peak resident memory of its process (its own rusage), one table row per N, and the load average. Run it alone:

    python3 bench/import/run.py [N ...] [--no-build]

It first publishes the site in Release to /tmp/liaison-bench-import/app (skip with --no-build)."""
import json, os, re, shutil, subprocess, sys, tempfile, time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
app = "/tmp/liaison-bench-import/app"
counts = [int(a) for a in sys.argv[1:] if not a.startswith("--")] or [1000, 5000, 20000]

if "--no-build" not in sys.argv:
    shutil.rmtree(app, ignore_errors=True)
    subprocess.run(["dotnet", "publish", "-c", "Release", "-o", app, os.path.join(root, "src", "LiaisonSite")],
                   check=True, stdout=subprocess.DEVNULL)


def items(n):
    for i in range(1, n + 1):
        title = f"第{i}条支部动态：党员联系师生谈心谈话"
        yield {
            "ContentItemId": f"bench-news-{i:06d}", "ContentType": "BranchNews", "DisplayText": title, "Owner": "secretary1",
            "TitlePart": {"Title": title},
            "AutoroutePart": {"Path": f"branch-news/bench-{i:06d}"},
            "BranchNews": {"Summary": {"Text": "支部党员与所联系的青年教师谈心，了解他们在教学和生活中的困难。"},
                           "Branch": {"ContentItemIds": ["branch-1"]}, "EventDate": {"Value": "2026-03-06"}},
            "HtmlBodyPart": {"Html": "<p>新学期开学第一周，支部组织党员与所联系的青年教师开展谈心谈话。</p>" * 4},
        }


def persons(n):
    columns = ["类别(教职工/学生)", "学号/工号", "姓名", "性别", "所在支部", "岗位", "学科", "年级", "班级", "手机"]
    for i in range(1, n + 1):
        staff = i % 3 == 0
        yield dict(zip(columns, ["教职工" if staff else "学生", f"BI{i:06d}", f"基准{i}", "男女"[i % 2], "branch-1",
                                 "教师" if staff else "", "语文" if staff else "", "" if staff else "高一",
                                 "" if staff else f"{i % 12 + 1}班", f"137{i:08d}"]))


def recipe_run(app_data, recipe, verb=("recipe", "run")):
    """Runs `recipe run` (or another verb) in its own process; returns (wall seconds, peak RSS in MB) of that process and, from its
    output, when the recipe's steps had run (seconds from start; the rest is delivering the events the import raised)
    with the process's peak RSS at that moment (MB)."""
    env = dict(os.environ, Liaison__AppData=app_data, Liaison__Setup__SiteName="基准学校党委",
               Liaison__Setup__AdminUserName="admin", Liaison__Setup__AdminEmail="admin@example.edu.cn",
               Liaison__Setup__AdminPassword="Admin-pass-2026", Liaison__Setup__DemoPassword="Demo-pass-2026",
               Liaison__Setup__Recipe="liaison-demo", Liaison__Recipes__TimeLimitSeconds="7200",
               ASPNETCORE_ENVIRONMENT="Production")
    steps_done = steps_rss = None
    with open(os.path.join(app_data, "run.log"), "w") as log:
        start = time.monotonic()
        p = subprocess.Popen(["dotnet", os.path.join(app, "LiaisonSite.dll"), *verb, *([recipe] if recipe else [])],
                             env=env, cwd=app, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in p.stdout:
            log.write(line)
            if steps_done is None and (line.startswith("Recipe '") or line.startswith("The search index was rebuilt")):
                steps_done = time.monotonic() - start
                try:
                    steps_rss = int(open(f"/proc/{p.pid}/status").read().split("VmHWM:")[1].split()[0]) / 1024
                except (OSError, IndexError):
                    pass
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - start
    if status != 0:
        sys.exit(f"{' '.join(verb)} {recipe or ''} failed:\n" + open(os.path.join(app_data, "run.log")).read()[-3000:])
    return wall, usage.ru_maxrss / 1024, steps_done, steps_rss


print(f"load average at start: {' '.join(open('/proc/loadavg').read().split()[:3])}; nproc {os.cpu_count()}\n")
news_rows, roster_rows, rebuild_rows = [], [], []
for n in counts:
    app_data = tempfile.mkdtemp(prefix="liaison-bench-import-")
    noop = os.path.join(app_data, "noop.recipe.json")
    with open(noop, "w") as f:
        json.dump({"name": "noop", "steps": []}, f)
    recipe_run(app_data, noop)  # the first run sets the demo site up (Liaison:Setup:*); not timed
    recipe = os.path.join(app_data, f"news-{n}.recipe.json")
    with open(recipe, "w") as f:
        json.dump({"name": f"news-{n}", "steps": [{"name": "Content", "data": list(items(n))}]}, f, ensure_ascii=False)
    wall, rss, steps, steps_rss = recipe_run(app_data, recipe)
    steps_text = "?" if steps is None else f"{steps:.1f} s"
    delivery = "?" if steps is None else f"{wall - steps:.1f} s"
    steps_rss_text = "?" if steps_rss is None else f"{steps_rss:,.0f} MB"
    news_rows.append(f"| {n:,} | {wall:.1f} s | {n / wall:,.0f} | {steps_text} | {delivery} | {steps_rss_text} | {rss:,.0f} MB |")

    roster = os.path.join(app_data, f"roster-{n}.recipe.json")
    with open(roster, "w") as f:
        json.dump({"name": f"roster-{n}", "steps": [{"name": "Roster", "Persons": list(persons(n))}]}, f, ensure_ascii=False)
    wall, rss, steps, _ = recipe_run(app_data, roster)
    roster_rows.append(f"| {n:,} | {wall:.1f} s | {'?' if steps is None else f'{steps:.1f} s'} | {n / wall:,.0f} | {rss:,.0f} MB |")

    wall, rss, steps, _ = recipe_run(app_data, None, ("search", "rebuild"))
    said = re.search(r"rebuilt from (\d+) published items in ([\d.]+) s", open(os.path.join(app_data, "run.log")).read())
    rebuild_rows.append(f"| {n:,} | {said.group(1)} | {said.group(2)} s | {wall:.1f} s | {rss:,.0f} MB |")
    shutil.rmtree(app_data, ignore_errors=True)

print("Content step (BranchNews):\n")
print("| items | `recipe run` wall time | items/s | steps done after | of which event delivery | peak RSS at steps done | peak RSS of the process |")
print("|---|---|---|---|---|---|---|")
print("\n".join(news_rows))
print("\nRoster step (staff and students, phones encrypted):\n")
print("| rows | `recipe run` wall time | step done after | rows/s | peak RSS of the process |")
print("|---|---|---|---|---|")
print("\n".join(roster_rows))
print("\n`search rebuild` (the N news items and the demo's published items):\n")
print("| N | items read | rebuild (as the command reports it) | command wall time | peak RSS of the process |")
print("|---|---|---|---|---|")
print("\n".join(rebuild_rows))
print(f"\nload average at end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
