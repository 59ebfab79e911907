#!/usr/bin/env python3
"""Writes the scenario files the benchmarks run (Benchmarks/README.md).

    generate.py flows N DIR    N logon flows, one scenario each (session: none, auth: basic, the token
                               captured as a secret): log on -> list agent jobs -> toggle -> poll the
                               task to Finished -> log off. Also writes DIR/tavern/test_flows.tavern.yaml,
                               the same N flows for Tavern.
    generate.py waits N DIR    N scenarios on the shared session, each toggling an agent job and polling
                               its task (Running for --task-seconds) until Finished;
                               run with --var job_url=URL of an agent job.
    generate.py gets N DIR     one scenario of N sequential GET /api/agents/jobs (the request rate).
    generate.py plain N DIR    N one-request scenarios on the shared session (memory by suite size), in
                               files of 5,000 (the loader refuses files over 4 MiB); run the folder.
"""
import os
import sys

EM = "http://www.veeam.com/ent/v1.0"
LOGON = "/api/sessionMngr/?v=latest"
TOKEN = '{ X-RestSvcSessionId: "{{token}}" }'
# How often a wait scenario polls its task (GENERATE_WAIT_INTERVAL overrides it).
WAIT_INTERVAL = os.environ.get("GENERATE_WAIT_INTERVAL", "500ms")


def header(name):
    return f"name: {name}\nnamespaces:\n  em: {EM}\nscenarios:\n"


def flow(index):
    return f"""  - name: logon flow {index}
    session: none
    steps:
      - name: log on with Basic
        request: {{ method: POST, path: "{LOGON}", auth: basic }}
        expect: {{ status: 201 }}
        capture:
          token: {{ header: X-RestSvcSessionId, secret: true }}
          logoff_url: "string(/em:LogonSession/em:Links/em:Link[@Rel='Delete']/@Href)"
      - name: list agent jobs
        request: {{ path: /api/agents/jobs, headers: {TOKEN} }}
        expect:
          status: 200
          xpath:
            - {{ query: "count(/em:EntityReferences/em:Ref)", ge: 1 }}
        capture:
          job_url: "string((/em:EntityReferences/em:Ref)[1]/@Href)"
      - name: toggle the schedule
        request: {{ method: POST, url: "{{{{job_url}}}}", query: {{ action: toggleScheduleEnabled }}, headers: {TOKEN} }}
        expect: {{ status: 202 }}
        capture:
          task_url: "string(/em:Task/@Href)"
      - name: poll the task to Finished
        request: {{ url: "{{{{task_url}}}}", headers: {TOKEN} }}
        poll: {{ until: "string(/em:Task/em:State) = 'Finished'", interval: 20ms, timeout: 30s }}
        expect:
          status: 200
          xpath:
            - {{ query: "string(/em:Task/em:Result/@Success)", equals: "true" }}
      - name: log off
        request: {{ method: DELETE, url: "{{{{logoff_url}}}}", headers: {TOKEN} }}
        expect: {{ status: 204 }}
"""


def tavern_flow(index):
    ext = "tavern_helpers"
    return f"""---
test_name: logon flow {index}
stages:
  - name: log on with Basic
    request:
      url: "{{base_url}}{LOGON}"
      method: POST
      auth: ["{{user}}", "{{password}}"]
    response:
      status_code: 201
      save:
        $ext:
          function: {ext}:save_session
  - name: list agent jobs
    request:
      url: "{{base_url}}/api/agents/jobs"
      headers: {{ X-RestSvcSessionId: "{{token}}" }}
    response:
      status_code: 200
      save:
        $ext:
          function: {ext}:save_xpath
          extra_kwargs:
            job_url: "string((/em:EntityReferences/em:Ref)[1]/@Href)"
  - name: toggle the schedule
    request:
      url: "{{job_url}}?action=toggleScheduleEnabled"
      method: POST
      headers: {{ X-RestSvcSessionId: "{{token}}" }}
    response:
      status_code: 202
      save:
        $ext:
          function: {ext}:save_xpath
          extra_kwargs:
            task_url: "string(/em:Task/@Href)"
  - name: poll the task to Finished
    max_retries: 1500
    delay_after: 0.02
    request:
      url: "{{task_url}}"
      headers: {{ X-RestSvcSessionId: "{{token}}" }}
    response:
      status_code: 200
      verify_response_with:
        function: {ext}:task_finished_ok
  - name: log off
    request:
      url: "{{logoff_url}}"
      method: DELETE
      headers: {{ X-RestSvcSessionId: "{{token}}" }}
    response:
      status_code: 204
"""


def wait(index):
    return f"""  - name: wait {index}
    steps:
      - name: toggle
        request: {{ method: POST, url: "{{{{job_url}}}}", query: {{ action: toggleScheduleEnabled }} }}
        expect: {{ status: 202 }}
        capture:
          task_url: "string(/em:Task/@Href)"
      - name: poll the task to Finished
        request: {{ url: "{{{{task_url}}}}" }}
        poll: {{ until: "string(/em:Task/em:State) = 'Finished'", interval: {WAIT_INTERVAL}, timeout: 60s }}
        expect: {{ status: 200 }}
"""


def plain(index):
    return f"""  - name: plain {index}
    steps:
      - name: list agent jobs
        request: {{ path: /api/agents/jobs }}
        expect:
          status: 200
          xpath:
            - {{ query: "count(/em:EntityReferences/em:Ref)", ge: 1 }}
"""


def gets(count):
    steps = "".join(
        f"""      - name: get {index}
        request: {{ path: /api/agents/jobs }}
        expect: {{ status: 200 }}
"""
        for index in range(1, count + 1)
    )
    return f"  - name: {count} sequential GETs\n    steps:\n{steps}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write(text)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("flows", "waits", "gets", "plain") or not argv[2].isdigit():
        sys.exit(__doc__)
    kind, count, folder = argv[1], int(argv[2]), argv[3]
    if kind == "flows":
        write(f"{folder}/flows.yaml", header(f"{count} logon flows") + "".join(flow(i) for i in range(1, count + 1)))
        write(f"{folder}/tavern/test_flows.tavern.yaml", "".join(tavern_flow(i) for i in range(1, count + 1)))
    elif kind == "waits":
        write(f"{folder}/waits.yaml", header(f"{count} waits") + "".join(wait(i) for i in range(1, count + 1)))
    elif kind == "gets":
        write(f"{folder}/gets.yaml", header(f"{count} sequential GETs") + gets(count))
    else:
        # Scenario files are limited to 4 MiB: 5,000 scenarios a file.
        for first in range(1, count + 1, 5000):
            last = min(count, first + 4999)
            text = header(f"plain scenarios {first}-{last}") + "".join(plain(i) for i in range(first, last + 1))
            write(f"{folder}/plain-{first:06d}.yaml", text)


if __name__ == "__main__":
    main(sys.argv)
