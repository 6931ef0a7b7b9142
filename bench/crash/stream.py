"""Streams public objections at one node, SIGKILLs it mid-stream, and lists what was acknowledged (bench/crash/run.sh).

Usage: stream.py BASE_URL PID SECONDS_BEFORE_KILL OUT_FILE  (Python 3 standard library only)
Writes one acknowledged objection text per line to OUT_FILE (acknowledged: the post answered 302 to
/notice-objections/received, which the site sends only after the objection is committed) and prints
"acknowledged N failed M" — failed are the posts in flight when the process died.
"""

import http.cookiejar
import os
import re
import secrets
import signal
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN_RE = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
WORKERS = 4


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())


def fetch(browser, url, data=None, timeout=30):
    body = urllib.parse.urlencode(data).encode() if data else None
    try:
        with browser.open(urllib.request.Request(url, data=body), timeout=timeout) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def open_notice(base):
    """The address of an open notice's page and the id its objection form posts to."""
    status, _, html = fetch(opener(), base + "/notices")
    if status != 200:
        sys.exit(f"/notices answered {status}")
    for link in dict.fromkeys(re.findall(r'href="(/notices/[^"?#]+)"', html)):
        s, _, page = fetch(opener(), base + link)
        m = re.search(r'action="/notice-objections/([^"]+)"', page)
        if s == 200 and m:
            return link, m.group(1)
    sys.exit("no open notice with an objection form on /notices")


def main():
    base, pid, before_kill, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    page, notice = open_notice(base)
    run = secrets.token_hex(3)
    acknowledged, failed, lock, stop = [], [], threading.Lock(), threading.Event()
    killed = threading.Event()

    def worker(n):
        browser, token, i = opener(), None, 0
        while not stop.is_set():
            try:
                if token is None:
                    status, _, html = fetch(browser, base + page)
                    token = TOKEN_RE.search(html).group(1)
                i += 1
                text = f"崩溃测试异议 {run}-{n}-{i}：进程被强行终止时提交的意见。"
                status, headers, _ = fetch(browser, f"{base}/notice-objections/{notice}",
                                           {"Objection.Anonymous": "true", "Objection.Text": text, "Objection.Website": "",
                                            "__RequestVerificationToken": token}, timeout=15)
                with lock:
                    if status == 302 and headers.get("Location", "").endswith("/notice-objections/received"):
                        acknowledged.append(text)
                    else:
                        failed.append((time.monotonic(), status))
            except (urllib.error.URLError, OSError, AttributeError) as e:
                with lock:
                    failed.append((time.monotonic(), type(e).__name__))
                if killed.is_set():
                    return  # the node is gone: nothing more can be acknowledged
                token = None

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
    for t in threads:
        t.start()
    time.sleep(before_kill)
    kill_time = time.monotonic()
    killed.set()
    os.kill(pid, signal.SIGKILL)
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join()
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for t in acknowledged))
    # Posts still in flight at the kill fail, one per worker at most; a failure before the kill is a failure.
    early = [f for f in failed if f[0] < kill_time]
    print(f"acknowledged {len(acknowledged)} failed {len(failed)} (before the kill: {len(early)} {[f[1] for f in early][:5]})")
    return 0 if acknowledged and not early and len(failed) <= WORKERS else 1


if __name__ == "__main__":
    sys.exit(main())
