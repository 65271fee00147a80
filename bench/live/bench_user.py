#!/usr/bin/env python3
"""Creates a user through the admin pages (form sign-in, CSRF tokens), as an administrator would.
ADMIN has no LIVE capability; the bench watches as an OPERATOR who sees all cameras.

usage: bench_user.py BASE_URL ADMIN_PASSWORD USERNAME PASSWORD ROLE
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"')


def main():
    base, admin_password, username, password, role = sys.argv[1:6]
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path, fields, form_page):
        token = CSRF.search(web.open(base + form_page).read().decode()).group(1)
        body = urllib.parse.urlencode(fields + [("_csrf", token)]).encode()
        return web.open(base + path, body)

    post("/login", [("username", "admin"), ("password", admin_password)], "/login")
    r = post("/users", [("username", username), ("password", password), ("roles", role), ("allCameras", "true")],
             "/users/new")
    if not r.geturl().endswith("/users"):
        raise SystemExit(f"user not created: ended at {r.geturl()}")
    print(f"created {username} ({role}, all cameras)")


if __name__ == "__main__":
    main()
