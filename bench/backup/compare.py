"""The checks of bench/backup/run.sh (Python 3 standard library only).

  compare.py snapshot BASE OUT.json   what a site shows: every content item through /api/content (as admin), a member's
                                      phone number revealed (decrypted with the data-protection keys), the media files
                                      served, and the search results for a word
  compare.py publish BASE             publishes one more item through the API (so the backup holds work done after setup)
  compare.py same A.json B.json       exits 1 unless the two snapshots are equal, printing what differs
"""

import hashlib
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "Admin-pass-2026")
TOKEN_RE = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
MEDIA = ["demo/branch-1-talk.jpg", "demo/reading-room.jpg", "demo/branch-2-volunteers.jpg"]


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(opener, url, data=None, headers=None, raw=False):
    body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
    try:
        with opener.open(urllib.request.Request(url, data=body, headers=headers or {}), timeout=60) as r:
            content = r.read()
            return r.status, content if raw else content.decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def bearer(base):
    status, body = fetch(browser(), base + "/api/token", json.dumps({"userName": "admin", "password": ADMIN_PASSWORD}).encode(),
                         {"Content-Type": "application/json"})
    if status != 200:
        sys.exit(f"POST {base}/api/token answered {status}: {body[:200]}")
    return {"Authorization": "Bearer " + json.loads(body)["accessToken"]}


def snapshot(base, out):
    auth, items, page = bearer(base), [], 1
    while True:
        status, body = fetch(browser(), f"{base}/api/content?pageSize=100&page={page}&status=latest", headers=auth)
        if status != 200:
            sys.exit(f"/api/content page {page} answered {status}: {body[:200]}")
        listing = json.loads(body)
        batch = listing.get("items") or listing.get("Items") or []
        items += batch
        if not batch or len(items) >= (listing.get("total") or listing.get("Total") or 0):
            break
        page += 1
    content = sorted(json.dumps(i, ensure_ascii=False, sort_keys=True) for i in items)

    # A member's phone number, decrypted by the site: readable only with the same data-protection keys.
    admin = browser()
    status, html = fetch(admin, base + "/login")
    token = TOKEN_RE.search(html).group(1)
    status, _ = fetch(admin, base + "/login", {"UserName": "admin", "Password": ADMIN_PASSWORD, "__RequestVerificationToken": token})
    status, html = fetch(admin, base + "/admin/organization/members")
    member = re.search(r'href="/admin/organization/members/(\d+)"', html)
    if status != 200 or not member:
        sys.exit(f"no member on {base}/admin/organization/members ({status})")
    status, html = fetch(admin, f"{base}/admin/organization/members/{member.group(1)}")
    token = TOKEN_RE.search(html).group(1)
    status, html = fetch(admin, f"{base}/admin/organization/members/{member.group(1)}/reveal-phone", {"__RequestVerificationToken": token})
    phone = re.search(r"data-revealed>([^<]*)<", html)
    if status != 200 or not phone:
        sys.exit(f"revealing member {member.group(1)}'s phone on {base} answered {status} without a number")

    media = {}
    for path in MEDIA:
        status, data = fetch(browser(), f"{base}/media/{path}", raw=True)
        media[path] = hashlib.sha256(data).hexdigest() if status == 200 else f"HTTP {status}"

    # Search: the restored node rebuilds its own index from the database; wait for it (at most a minute).
    hits, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline:
        status, html = fetch(browser(), base + "/search?q=" + urllib.parse.quote("谈心"))
        hits = sorted(set(re.findall(r'href="(/(?:branch-news|typical-examples|notices)/[^"]+)"', html)))
        if status == 200 and hits:
            break
        time.sleep(1)

    with open(out, "w", encoding="utf-8") as f:
        json.dump({"items": len(items), "content": content, "phone": {"member": member.group(1), "number": phone.group(1)},
                   "media": media, "search": hits}, f, ensure_ascii=False, indent=1)
    print(f"{len(items)} items, member {member.group(1)}'s phone {phone.group(1)[:3]}****{phone.group(1)[-4:]}, "
          f"{sum(1 for v in media.values() if not v.startswith('HTTP'))}/{len(MEDIA)} media files, {len(hits)} search hits")


def publish(base):
    item = {"ContentType": "Page", "DisplayText": "备份后恢复测试", "Published": True, "TitlePart": {"Title": "备份后恢复测试"},
            "AutoroutePart": {"Path": "backup-check"}, "HtmlBodyPart": {"Html": "<p>备份之前最后发布的一页。</p>"}}
    status, body = fetch(browser(), base + "/api/content", json.dumps(item, ensure_ascii=False).encode(),
                         {"Content-Type": "application/json", **bearer(base)})
    if status not in (200, 201):
        sys.exit(f"POST /api/content answered {status}: {body[:300]}")


def same(a_file, b_file):
    a, b = (json.load(open(f, encoding="utf-8")) for f in (a_file, b_file))
    differs = [k for k in a if a[k] != b.get(k)]
    if differs:
        for k in differs:
            print(f"differs: {k}: {str(a[k])[:200]} ≠ {str(b.get(k))[:200]}")
        return 1
    if any(v.startswith("HTTP") for v in a["media"].values()) or not a["search"] or not a["phone"]["number"]:
        print("the snapshot itself is incomplete (media, search or phone missing)")
        return 1
    return 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "snapshot":
        snapshot(sys.argv[2], sys.argv[3])
    elif command == "publish":
        publish(sys.argv[2])
    elif command == "same":
        sys.exit(same(sys.argv[2], sys.argv[3]))
