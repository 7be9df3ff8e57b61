"""Python asyncio's own connect (loop.create_connection with happy_eyeballs_delay, its Happy Eyeballs) to a
name whose getaddrinfo returns the given addresses in the given order. Prints one time to connect per line,
in ms, or "FAIL <error>".

Usage: python3 asyncio-connect.py RUNS PORT DELAY_SECONDS ADDRESS...   (DELAY_SECONDS "none": sequential)
"""
import asyncio
import socket
import sys
import time


async def main(runs, port, delay, addresses):
    loop = asyncio.get_running_loop()
    infos = [(socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (a, port, 0, 0)) if ":" in a
             else (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (a, port)) for a in addresses]

    async def getaddrinfo(host, port, *, family=0, type=0, proto=0, flags=0):
        return infos

    loop.getaddrinfo = getaddrinfo
    for _ in range(runs):
        started = time.perf_counter()
        try:
            transport, _ = await asyncio.wait_for(
                loop.create_connection(asyncio.Protocol, "validation.test", port, happy_eyeballs_delay=delay), 30)
            elapsed = (time.perf_counter() - started) * 1000
            transport.abort()
            print(f"{elapsed:.3f}", flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is a line of output
            print(f"FAIL {type(e).__name__}", flush=True)


if __name__ == "__main__":
    delay = None if sys.argv[3] == "none" else float(sys.argv[3])
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), delay, sys.argv[4:]))
