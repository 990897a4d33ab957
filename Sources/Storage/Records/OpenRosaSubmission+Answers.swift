import Accounts
import Forms
import Foundation

extension OpenRosaSubmission {
    /// A submission made from answers by question name, written as the XML ODK Collect would send
    /// and read back as a received one is: synthetic data and imports take the same road into the
    /// store as real submissions. Nil when the version has no form model or the form has repeats.
    public init?(form: FormVersionRecord, answers: [String: String], instanceID: String, submittedBy: String?) throws {
        guard let definition = form.definition,
              let xml = InstanceXMLWriter.write(form: definition, answers: answers, instanceID: instanceID) else { return nil }
        let instance = try SubmittedInstance.parse(xml)
        self.init(form: form, instanceID: instanceID, deprecatedID: nil, raw: xml, contentDigest: ContentDigest.sha256(xml),
                  flattened: InstanceFlattener(form: definition).flatten(instance), attachments: [], submittedBy: submittedBy, appUserID: nil)
    }
}
