#!/usr/bin/env python3
"""Mock model servers for scripts/image-test.sh: one loopback port per upstream, each answering in
its API (OpenAI chat completions, streamed or not; Anthropic messages) and appending every request
it receives to a JSON Lines log, so the test can check which upstream saw which text.

  mock_upstreams.py LOG NAME=API:PORT...     e.g. internal=openai:18001 anthropic=anthropic:18003

Writes "ready" to stdout once every port listens. Python's standard library only."""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def make_handler(name, api, log, lock):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet: the JSONL log is the record
            pass

        def reply(self, status, body, content_type="application/json"):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw)
            except ValueError:
                return self.reply(400, {"error": {"message": "not JSON", "type": "invalid_request_error"}})
            with lock:
                log.write(json.dumps({"upstream": name, "path": self.path, "body": body}) + "\n")
                log.flush()
            model = body.get("model", "mock")
            text = f"mock {name} answered"
            if api == "openai" and self.path.endswith("/chat/completions"):
                if body.get("stream"):
                    chunks = [
                        {"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": 1,
                         "model": model, "choices": [{"index": 0, "delta": {"role": "assistant", "content": text},
                                                      "finish_reason": None}]},
                        {"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": 1,
                         "model": model, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
                    ]
                    data = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
                    return self.reply(200, data.encode(), "text/event-stream")
                return self.reply(200, {
                    "id": "chatcmpl-mock", "object": "chat.completion", "created": 1, "model": model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}})
            if api == "anthropic" and self.path.endswith("/v1/messages"):
                return self.reply(200, {
                    "id": "msg_mock", "type": "message", "role": "assistant", "model": model,
                    "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
                    "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 3}})
            return self.reply(404, {"error": {"message": f"mock {name}: no route {self.path}",
                                              "type": "not_found_error"}})

    return Handler


def main():
    log = open(sys.argv[1], "a", encoding="utf-8")
    lock = threading.Lock()
    servers = []
    for spec in sys.argv[2:]:
        name, rest = spec.split("=", 1)
        api, port = rest.split(":", 1)
        server = ThreadingHTTPServer(("127.0.0.1", int(port)), make_handler(name, api, log, lock))
        server.daemon_threads = True
        servers.append(server)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
