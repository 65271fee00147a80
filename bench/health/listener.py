#!/usr/bin/env python3
"""A link's far end for the probe benchmark: accepts TCP connections on 127.0.0.1 and closes them."""
import asyncio
import resource
import sys


# as many sockets as the JVM allows itself (it raises its soft limit to the hard one)
resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)


async def main(port):
    async def handle(reader, writer):
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096)
    print("READY", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
