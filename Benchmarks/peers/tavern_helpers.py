"""Tavern extension functions for XML bodies (Tavern itself saves and checks JSON only)."""
from lxml import etree

NS = {"em": "http://www.veeam.com/ent/v1.0"}


def save_xpath(response, **queries):
    """Saves each keyword's XPath string value from the XML body under the keyword's name."""
    document = etree.fromstring(response.content)
    return {name: document.xpath(query, namespaces=NS) for name, query in queries.items()}


def task_finished_ok(response):
    """Fails (so Tavern retries the stage) until the Task is Finished; then requires success."""
    document = etree.fromstring(response.content)
    state = document.xpath("string(/em:Task/em:State)", namespaces=NS)
    assert state == "Finished", f"task is {state}"
    assert document.xpath("string(/em:Task/em:Result/@Success)", namespaces=NS) == "true", "task failed"


def save_session(response):
    """Saves the logon's token (header X-RestSvcSessionId) and its log-off link."""
    document = etree.fromstring(response.content)
    return {
        "token": response.headers["X-RestSvcSessionId"],
        "logoff_url": document.xpath("string(/em:LogonSession/em:Links/em:Link[@Rel='Delete']/@Href)", namespaces=NS),
    }
