#!/usr/bin/env python3
"""The peer a user would write by hand: N logon flows with requests + lxml, one after the other.

    TOLLGATE_PASSWORD=... requests_flows.py BASE_URL USER N

Each flow: log on with Basic -> list agent jobs -> toggle the first one's schedule -> poll the task
every 20 ms until Finished (Result Success="true") -> log off. Exits 1 at the first unexpected answer.
"""
import os
import sys
import time

import requests
from lxml import etree

NS = {"em": "http://www.veeam.com/ent/v1.0"}


def expect(response, status):
    if response.status_code != status:
        sys.exit(f"{response.request.method} {response.url}: expected {status}, got {response.status_code}")
    return response


def flow(http, base, user, password):
    logon = expect(http.post(f"{base}/api/sessionMngr/?v=latest", auth=(user, password)), 201)
    token = logon.headers["X-RestSvcSessionId"]
    headers = {"X-RestSvcSessionId": token}
    logoff_url = etree.fromstring(logon.content).xpath("string(/em:LogonSession/em:Links/em:Link[@Rel='Delete']/@Href)", namespaces=NS)
    jobs = etree.fromstring(expect(http.get(f"{base}/api/agents/jobs", headers=headers), 200).content)
    if jobs.xpath("count(/em:EntityReferences/em:Ref)", namespaces=NS) < 1:
        sys.exit("no agent job")
    job_url = jobs.xpath("string((/em:EntityReferences/em:Ref)[1]/@Href)", namespaces=NS)
    task = etree.fromstring(expect(http.post(job_url, params={"action": "toggleScheduleEnabled"}, headers=headers), 202).content)
    task_url = task.xpath("string(/em:Task/@Href)", namespaces=NS)
    deadline = time.monotonic() + 30
    while True:
        state = etree.fromstring(expect(http.get(task_url, headers=headers), 200).content)
        if state.xpath("string(/em:Task/em:State)", namespaces=NS) == "Finished":
            break
        if time.monotonic() > deadline:
            sys.exit("task never finished")
        time.sleep(0.02)
    if state.xpath("string(/em:Task/em:Result/@Success)", namespaces=NS) != "true":
        sys.exit("task failed")
    expect(http.delete(logoff_url, headers=headers), 204)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    base, user, count = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
    password = os.environ["TOLLGATE_PASSWORD"]
    with requests.Session() as http:
        for _ in range(count):
            flow(http, base, user, password)


if __name__ == "__main__":
    main()
