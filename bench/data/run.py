#!/usr/bin/env python3
"""Data-scale benchmark (issue 14 part 3, issue 12 item 9): grows a fresh demo site with bench/data/generate.py's
recipes through `recipe run` (timing each import), starts the site in Release with the output cache off, waits for
the search index to catch up, then times pages as their users open them (signed in through the real login form):
sequential requests after warm-up, median and 95th percentile against each goal. Run it alone on the machine:

    python3 bench/data/run.py [sqlite|postgres] [--scale 1.0] [--no-build] [--keep] [--data DIR]

--keep leaves the SQLite site's data in place; --data DIR (a kept app-data folder; with postgres, the kept database
liaison_bench_data too) skips the generation and the import and times the pages on that data; --import-only stops after
the import (so the pages can be timed later, alone, with --data).

Prints Markdown tables for bench/RESULTS.md, with the load average and the machine."""
import http.cookiejar, json, os, re, shutil, statistics, subprocess, sys, time, urllib.parse, urllib.request

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
provider = next((a for a in sys.argv[1:] if a in ("sqlite", "postgres")), "sqlite")
scale = sys.argv[sys.argv.index("--scale") + 1] if "--scale" in sys.argv else "1.0"
work = f"/tmp/liaison-bench-data-{provider}"
data = sys.argv[sys.argv.index("--data") + 1] if "--data" in sys.argv else None
app = "/tmp/liaison-bench-data-app"
port = 5083
base = f"http://127.0.0.1:{port}"
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Liaison__AppData=data or os.path.join(work, "appdata"),
           Liaison__Setup__SiteName="基准学校党委", Liaison__Setup__AdminUserName="admin",
           Liaison__Setup__AdminEmail="admin@example.edu.cn", Liaison__Setup__AdminPassword="Admin-pass-2026",
           Liaison__Setup__DemoPassword="Demo-pass-2026", Liaison__Setup__Recipe="liaison-demo",
           Liaison__Recipes__TimeLimitSeconds="7200")
load = lambda: " ".join(open("/proc/loadavg").read().split()[:3])
if provider == "postgres":
    env.update(Liaison__Database__Provider="Postgres",
               Liaison__Database__ConnectionString="Host=127.0.0.1;Database=liaison_bench_data;Username=liaison_bench;Password=liaison_bench")

if "--no-build" not in sys.argv:
    shutil.rmtree(app, ignore_errors=True)
    print("publishing (Release) …", file=sys.stderr)
    subprocess.run(["dotnet", "publish", "-c", "Release", "-o", app, os.path.join(root, "src", "LiaisonSite")], check=True, stdout=subprocess.DEVNULL)
if data is None:
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "appdata"))

    if provider == "postgres":
        script = r"""
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
    su postgres -c "psql -qc 'DROP DATABASE IF EXISTS liaison_bench_data WITH (FORCE)'" >/dev/null
    su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='liaison_bench') THEN CREATE ROLE liaison_bench LOGIN CREATEDB PASSWORD 'liaison_bench'; END IF; END\\\$\\\$;\"" >/dev/null
    su postgres -c "psql -qc 'CREATE DATABASE liaison_bench_data OWNER liaison_bench'" >/dev/null
    """
        subprocess.run(["bash", "-ec", script], check=True)


    def recipe_run(recipe):
        with open(os.path.join(work, "import.log"), "a") as log:
            start = time.monotonic()
            p = subprocess.Popen(["dotnet", os.path.join(app, "LiaisonSite.dll"), "recipe", "run", recipe], env=env, cwd=app, stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(p.pid, 0)
        if status != 0:
            sys.exit(f"recipe run {recipe} failed; see {work}/import.log")
        return time.monotonic() - start, usage.ru_maxrss / 1024


    # 1. The data, through the product's own import path.
    recipes = os.path.join(work, "recipes")
    subprocess.run([sys.executable, os.path.join(root, "bench", "data", "generate.py"), recipes, "--scale", scale], check=True)
    noop = os.path.join(work, "noop.recipe.json")
    json.dump({"name": "noop", "steps": []}, open(noop, "w"))
    recipe_run(noop)  # the first run sets the demo site up
    startup, _ = recipe_run(noop)  # the cost of one `recipe run` without work: process start, host, migrations check
    print(f"## Data scale on {provider}, scale {scale}\n")
    print(f"load average at start: {load()}; nproc {os.cpu_count()}; `recipe run` of an empty recipe: {startup:.1f} s\n")
    print("| recipe | items | wall time | items/s (wall minus an empty run) | peak RSS |")
    print("|---|---|---|---|---|")
    totals = {}
    for name in sorted(f for f in os.listdir(recipes) if f.endswith(".recipe.json")):
        data = json.load(open(os.path.join(recipes, name)))
        step = data["steps"][0]
        count = len(step["data"]) if "data" in step else len(step.get("Members", [])) + len(step.get("Persons", []))
        wall, rss = recipe_run(os.path.join(recipes, name))
        kind = name.split("-")[1].split(".")[0]
        totals[kind] = totals.get(kind, 0) + wall
        print(f"| {name} | {count} | {wall:.1f} s | {count / max(0.1, wall - startup):.0f} | {rss:.0f} MB |", flush=True)
    print(f"\nload average after the import: {load()}\n")
    if "--import-only" in sys.argv:
        sys.exit(0)

else:
    os.makedirs(work, exist_ok=True)
    print(f"## Data scale: pages on the kept data in {data}\n")

# 2. The site, output cache off (every page rendered), and the search index caught up.
site = subprocess.Popen(["dotnet", os.path.join(app, "LiaisonSite.dll"), "--urls", base, "--Liaison:OutputCache:Enabled=false"],
                        env=env, cwd=app, stdout=open(os.path.join(work, "site.log"), "w"), stderr=subprocess.STDOUT)
try:
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/health", timeout=2)
            break
        except OSError:
            time.sleep(0.2)

    def client(user, password):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        if user:
            page = opener.open(base + "/login").read().decode()
            token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
            body = urllib.parse.urlencode({"UserName": user, "Password": password, "__RequestVerificationToken": token.group(1)}).encode()
            opener.open(base + "/login", body)
        return opener

    admin = client("admin", "Admin-pass-2026")
    # Caught up when the node's cursor has reached the last task written (the search index page); asking the search
    # page for the last item's title was not enough: the page repeats the words asked in its search box.
    t0 = time.monotonic()
    while time.monotonic() - t0 < 1800:
        status = admin.open(base + "/admin/search/index").read().decode()
        cursor = re.search(r'data-cursor>(\d+)<', status)
        written = re.search(r'data-cursor>\d+</dd>\s*<dt[^>]*>[^<]*</dt>\s*<dd[^>]*>(\d+)<', status)
        if cursor and written and int(cursor.group(1)) >= int(written.group(1)):
            break
        time.sleep(5)
    else:
        print("(the search index had not caught up after 30 minutes)")
    documents = re.search(r'data-documents>(\d+)<', status)
    print(f"Search index caught up {time.monotonic() - t0:.0f} s after the site started ({documents.group(1) if documents else '?'} items in it).\n")

    year = time.localtime().tm_year - 1
    users = {"member1": client("member1", "Demo-pass-2026"), "secretary1": client("secretary1", "Demo-pass-2026"),
             "committee1": client("committee1", "Demo-pass-2026"), "admin": admin, "anonymous": client(None, None)}
    pages = [
        ("member1", "/admin/my-work", 150, "我的联系工作"),
        ("admin", "/admin/contents?type=BranchNews", 150, "content list, a type, page 1"),
        ("admin", "/admin/contents?type=BranchNews&page=500", 150, "content list, a type, page 500"),
        ("admin", "/admin/contents?type=Talk&page=500", 150, "content list, talks, page 500"),
        ("admin", "/admin/contents?q=" + urllib.parse.quote("谈心"), 150, "content list, text filter"),
        ("admin", "/admin/contents?q=" + urllib.parse.quote("谈心") + "&page=500", 150, "content list, text filter, page 500"),
        ("admin", "/admin/contents?q=" + urllib.parse.quote("实验室安全"), 150, "content list, text filter, a rare word (one match)"),
        ("admin", "/api/content?type=BranchNews&page=1", 100, "/api/content page 1"),
        ("admin", "/api/content?type=BranchNews&page=500", 100, "/api/content page 500"),
        ("admin", "/admin/search?q=" + urllib.parse.quote("谈心谈话"), 200, "/admin/search"),
        ("anonymous", "/news", 100, "public list (news), uncached"),
        ("anonymous", "/news?page=200", 100, "public list (news) page 200, uncached"),
        ("anonymous", "/examples", 100, "public list (examples), uncached"),
        ("committee1", "/admin/inspections?branch=bench-branch-01", 300, "a branch's inspection"),
        ("secretary1", "/admin/inspections", 300, "secretary1's inspection (branch-1)"),
        ("committee1", "/admin/inspections", 1000, "the committee's side-by-side view (every branch)"),
        ("secretary1", "/admin/reports", None, "branch reports (secretary1)"),
        ("committee1", f"/admin/reports/scores?year={year}", None, "yearly scores, every member (committee)"),
    ]
    print(f"load average before the pages: {load()}\n")
    print("| user | page | what | median | p95 | goal |")
    print("|---|---|---|---|---|---|")
    for user, path, goal, what in pages:
        opener = users[user]
        times = []
        for i in range(23):
            t = time.perf_counter()
            response = opener.open(base + path)
            response.read()
            if response.status != 200:
                sys.exit(f"{user} {path}: {response.status}")
            if i >= 3:
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        median, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
        verdict = "" if goal is None else (f"≤ {goal} ms ✓" if median <= goal else f"≤ {goal} ms ✗")
        print(f"| {user} | `{path}` | {what} | {median:.0f} ms | {p95:.0f} ms | {verdict} |", flush=True)
    rss = int(open(f"/proc/{site.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
    print(f"\nResident memory of the site after the pages: {rss} MB. load average at end: {load()}")
finally:
    site.terminate()
    site.wait()
    if "--keep" not in sys.argv and provider == "sqlite" and data is None:
        shutil.rmtree(os.path.join(work, "appdata"), ignore_errors=True)
