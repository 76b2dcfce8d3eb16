import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";

/** One injected fault: the operation it answers, the AWS error code, message and HTTP status, and how many times. */
export interface Fault {
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  /** Calls answered with the error before the operation passes through again (default: every call). */
  readonly times?: number;
}

/**
 * An HTTP proxy in front of the emulator that answers chosen AWS operations with a real AWS error, so a bundle meets the
 * failures the emulator cannot produce (a scaling activity in progress, throttling, a missing permission). The operation
 * is read as AWS's protocols carry it: the `Action` form field (query protocol: Auto Scaling, EC2, IAM, SNS, STS, ELB)
 * or the `X-Amz-Target` header (JSON protocols: DynamoDB, Step Functions). The error is written in the protocol's own
 * format, so the SDK parses it into the named exception (and retries it when it is a throttling error). Every other
 * request is passed through unchanged, headers (signature) included.
 */
export class FaultProxy {
  /** The operations seen, in order, and whether each was failed. */
  readonly seen: Array<{ operation: string; failed: boolean }> = [];
  private readonly faults = new Map<string, Fault & { left: number }>();

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  /** Starts a proxy to `target` (the emulator's endpoint) on a free loopback port. */
  static async start(target: string): Promise<FaultProxy> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => proxy.handle(req, Buffer.concat(chunks), res));
    });
    const proxy = new FaultProxy(server, new URL(target));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  /** The endpoint to give a bundle (its `AWS_ENDPOINT_URL`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers `operation` (e.g. "DetachInstances", "GetItem") with `fault`. */
  fail(operation: string, fault: Fault): void {
    this.faults.set(operation, { ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** AWS recovered: every operation passes through again. */
  clear(): void {
    this.faults.clear();
  }

  /** How many calls of `operation` were answered with a fault. */
  failed(operation: string): number {
    return this.seen.filter((s) => s.operation === operation && s.failed).length;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const target = req.headers["x-amz-target"];
    const json = typeof target === "string";
    const form = json ? undefined : new URLSearchParams(body.toString("utf8"));
    const operation = json ? target.slice(target.lastIndexOf(".") + 1) : (form?.get("Action") ?? "");
    const fault = this.faults.get(operation);
    const failing = fault !== undefined && fault.left > 0;
    this.seen.push({ operation, failed: failing });
    if (failing) {
      fault.left--;
      const requestId = randomUUID();
      const status = fault.status ?? 400;
      if (json) {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId, "x-amzn-errortype": fault.code });
        res.end(JSON.stringify({ __type: fault.code, message: fault.message }));
      } else if (form?.get("Version") === "2016-11-15") {
        // EC2's query dialect has its own error document.
        res.writeHead(status, { "content-type": "text/xml" });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${fault.code}</Code><Message>${fault.message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`);
      } else {
        res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": requestId });
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${fault.message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
      }
      return;
    }
    // An endpoint given in AWS_ENDPOINT_URL may be HTTPS (LocalStack, a sandbox account's proxy).
    const forward = this.target.protocol === "https:" ? httpsRequest : httpRequest;
    const upstream = forward(
      { host: this.target.hostname, port: this.target.port || undefined, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    upstream.end(body);
  }
}
