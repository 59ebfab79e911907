import Foundation

/// The summary reports (reference §14.1), computed from the inventory and the job sessions as
/// they are now, so their counts agree with the lists the other resources serve.
extension ResourceFactory {
    /// The report frames under `/reports/summary/`, by path segment, with their link names.
    static let reportFrames: [(path: String, name: String)] = [
        ("overview", "Overview"), ("vms_overview", "VmsOverview"), ("job_statistics", "JobStatistics"),
        ("processed_vms", "ProcessedVms"), ("repository", "Repositories"),
    ]

    /// The report-link GUIDs every documented version and real output carry.
    private static let webReport = "Workspace/ViewReport.aspx?definition="

    /// `SummaryReport`: five `Down` links of `Type="ReportFrame"`.
    func summaryReport() -> ResourceNode {
        ResourceNode(
            "SummaryReport",
            attributes: [ResourceAttribute("Href", .string(url("/reports/summary"))), ResourceAttribute("Type", .string("SummaryReport"))],
            children: [
                links(Self.reportFrames.map { link("Down", "/reports/summary/\($0.path)", type: "ReportFrame", name: $0.name) })
            ])
    }

    /// A report frame: no `Href` in XML (the doc examples), `"Links":null,"Href":null,"Type":null` in JSON (v12).
    private func frame(_ name: String, attributes: [ResourceAttribute] = [], children: [ResourceNode]) -> ResourceNode {
        ResourceNode(
            name,
            attributes: attributes + [ResourceAttribute("Href", .null), ResourceAttribute("Type", .null)],
            children: children + [.leaf("Links", .null)])
    }

    /// The latest result of each VM over all task sessions.
    private func latestVmResults(_ sessions: [JobSessionView]) -> [String: String] {
        var latest: [String: (time: String, result: String)] = [:]
        for view in sessions {
            for task in view.session.tasks where task.result != "None" {
                if let known = latest[task.vmName], known.time >= task.creationTime { continue }
                latest[task.vmName] = (task.creationTime, task.result)
            }
        }
        return latest.mapValues(\.result)
    }

    private func runningJobs(_ sessions: [JobSessionView]) -> Int {
        Set(sessions.filter { $0.session.endTime == nil }.map(\.job.id)).count
    }

    private func scheduled(_ jobs: [InventoryJob]) -> [InventoryJob] {
        jobs.filter { $0.scheduleConfigured && $0.scheduleEnabled }
    }

    /// `OverviewReportFrame`; proxies are not modelled (0), repository servers are the repositories.
    func overviewReport(jobs: [InventoryJob], sessions: [JobSessionView]) -> ResourceNode {
        let latest = latestVmResults(sessions)
        return frame(
            "OverviewReportFrame",
            children: [
                .leaf("BackupServers", .int(1)), .leaf("ProxyServers", .int(0)),
                .leaf("RepositoryServers", .int(inventory.repositories.count)),
                .leaf("RunningJobs", .int(runningJobs(sessions))), .leaf("ScheduledJobs", .int(scheduled(jobs).count)),
                .leaf("SuccessfulVmLastestStates", .int(latest.values.filter { $0 == "Success" }.count)),
                .leaf("WarningVmLastestStates", .int(latest.values.filter { $0 == "Warning" }.count)),
                .leaf("FailedVmLastestStates", .int(latest.values.filter { $0 == "Failed" }.count)),
            ])
    }

    /// `VmsOverviewReportFrame`: VMs and sizes from the restore points, success from the sessions.
    func vmsOverviewReport(sessions: [JobSessionView]) -> ResourceNode {
        let points = inventory.backups.flatMap(\.restorePoints)
        let vms = points.flatMap(\.vms)
        var sourceSizes: [String: Int] = [:]
        for vm in vms where vm.pointType == "Full" {
            sourceSizes[vm.vmName] = max(sourceSizes[vm.vmName] ?? 0, vm.size)
        }
        let finished = sessions.filter { $0.session.result != "None" }
        let successful = finished.filter { $0.session.result == "Success" }.count
        return frame(
            "VmsOverviewReportFrame",
            children: [
                .leaf("ProtectedVms", .int(Set(vms.map(\.vmName)).count)),
                .leaf("BackedUpVms", .int(Set(vms.map(\.vmName)).count)), .leaf("ReplicatedVms", .int(0)),
                .leaf("RestorePoints", .int(points.count)),
                .leaf("FullBackupPointsSize", .int(vms.filter { $0.pointType == "Full" }.map(\.size).reduce(0, +))),
                .leaf("IncrementalBackupPointsSize", .int(vms.filter { $0.pointType != "Full" }.map(\.size).reduce(0, +))),
                .leaf("ReplicaRestorePointsSize", .int(0)),
                .leaf("SourceVmsSize", .int(sourceSizes.values.reduce(0, +))),
                .leaf("SuccessBackupPercents", .int(finished.isEmpty ? 0 : successful * 100 / finished.count)),
                .leaf("ProtectedVmsReportLink", .string(Self.webReport + "8a56d84f-3b2a-4a8a-8e2a-2f5e2b8a0c31&ShowParams=1")),
            ])
    }

    /// `JobStatisticsReportFrame`: runs are the job sessions; durations in whole seconds.
    func jobStatisticsReport(jobs: [InventoryJob], sessions: [JobSessionView]) -> ResourceNode {
        let scheduledJobs = scheduled(jobs)
        var longest: (seconds: Int, name: String) = (0, "")
        for view in sessions {
            guard let end = view.session.endTime.flatMap(EnterpriseManagerTime.date),
                let start = EnterpriseManagerTime.date(view.session.creationTime)
            else { continue }
            let seconds = Int(end.timeIntervalSince(start))
            if seconds > longest.seconds { longest = (seconds, view.job.name) }
        }
        let results = sessions.map(\.session.result)
        return frame(
            "JobStatisticsReportFrame",
            children: [
                .leaf("RunningJobs", .int(runningJobs(sessions))), .leaf("ScheduledJobs", .int(scheduledJobs.count)),
                .leaf("ScheduledBackupJobs", .int(scheduledJobs.filter { $0.jobType != "Replica" }.count)),
                .leaf("ScheduledReplicaJobs", .int(scheduledJobs.filter { $0.jobType == "Replica" }.count)),
                .leaf("TotalJobRuns", .int(sessions.count)),
                .leaf("SuccessfulJobRuns", .int(results.filter { $0 == "Success" }.count)),
                .leaf("WarningsJobRuns", .int(results.filter { $0 == "Warning" }.count)),
                .leaf("FailedJobRuns", .int(results.filter { $0 == "Failed" }.count)),
                .leaf("MaxJobDuration", .int(longest.seconds)), .leaf("MaxBackupJobDuration", .int(longest.seconds)),
                .leaf("MaxReplicaJobDuration", .int(0)), .leaf("MaxDurationBackupJobName", .string(longest.name)),
                .leaf("MaxDurationReplicaJobName", .string("")),
                .leaf("BackupJobStatusReportLink", .string(Self.webReport + "7962844d-7e0f-4a8c-a3e5-2b8f0d5c9e14&ShowParams=1")),
            ])
    }

    /// `RepositoryReportFrame`: one `Period` per repository (JSON `Periods`); `BackupSize` adds up
    /// the VM restore points of its backups.
    func repositoryReport() -> ResourceNode {
        let periods = inventory.repositories.map { repository in
            let size = inventory.backups.filter { $0.repositoryID == repository.id }
                .flatMap(\.restorePoints).flatMap(\.vms).map(\.size).reduce(0, +)
            return ResourceNode(
                "Period",
                children: [
                    .leaf("Name", .string(repository.name)), .leaf("Capacity", .int(repository.capacity)),
                    .leaf("FreeSpace", .int(repository.freeSpace)), .leaf("BackupSize", .int(size)),
                ])
        }
        return frame(
            "RepositoryReportFrame",
            attributes: [
                ResourceAttribute(
                    "CapacityPlanningReportLink", .string(Self.webReport + "62221565-8c1e-4b6e-9d3a-5f2a7e4c1b08&ShowParams=1"))
            ],
            children: [ResourceNode("Periods", children: periods, jsonShape: .list, inlineInXML: true)])
    }

    /// `ProcessedVmsReportFrame`: one `Day` (JSON `Days`) per UTC day with task sessions, counting
    /// the distinct VMs processed that day.
    func processedVmsReport(sessions: [JobSessionView]) -> ResourceNode {
        var days: [String: Set<String>] = [:]
        for view in sessions {
            for task in view.session.tasks {
                days[EnterpriseManagerTime.day(task.creationTime), default: []].insert(task.vmName)
            }
        }
        let nodes = days.keys.sorted().map { day in
            ResourceNode(
                "Day",
                attributes: [
                    ResourceAttribute("Timestamp", .string(day)),
                    ResourceAttribute("ReplicatedVms", .int(0)),
                    ResourceAttribute("BackupedVms", .int(days[day]?.count ?? 0)),
                ])
        }
        return frame("ProcessedVmsReportFrame", children: [ResourceNode("Days", children: nodes, jsonShape: .list, inlineInXML: true)])
    }
}
