"""Serves a static site on $PORT with Python's standard library, honouring static.json's root and clean_urls."""
import functools
import http.server
import json
import os


def settings():
    try:
        with open("static.json", encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        return {}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    clean_urls = False

    def send_head(self):
        path = self.translate_path(self.path)
        # clean_urls: /about serves about.html, as heroku-buildpack-static does.
        if self.clean_urls and not os.path.exists(path) and os.path.exists(path + ".html"):
            self.path = self.path.split("?", 1)[0] + ".html"
        return super().send_head()


def main():
    config = settings()
    root = os.path.abspath(config.get("root", "."))
    SiteHandler.clean_urls = bool(config.get("clean_urls", False))
    handler = functools.partial(SiteHandler, directory=root)
    address = (os.environ.get("HOST", "0.0.0.0"), int(os.environ["PORT"]))
    with http.server.ThreadingHTTPServer(address, handler) as server:
        print(f"Serving {root} on port {address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
