-- GET the URL given to wrk with the session header (Benchmarks/run.sh, part server).
wrk.headers["X-RestSvcSessionId"] = os.getenv("TOLLGATE_TOKEN")
wrk.headers["Accept"] = "application/xml"
