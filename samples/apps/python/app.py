"""A web dyno with only the standard library: answers on $PORT as every Heroku-style web process must."""
import http.server
import os
import platform


class Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"Hello from Python {platform.python_version()} on paas.dev\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    # Dynos listen on every interface; HOST lets a local run stay on loopback.
    address = (os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "5000")))
    print(f"listening on {address[0]}:{address[1]}", flush=True)
    http.server.ThreadingHTTPServer(address, Hello).serve_forever()
