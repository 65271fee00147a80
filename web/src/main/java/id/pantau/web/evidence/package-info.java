/**
 * Evidence for the police: export requests, the supervisor's decision, evidence holds, the background build of a
 * signed package (one MP4 per camera, manifest, Ed25519 signature) in an evidence bucket, expiring download links
 * for the requester only, and the offline verifier ({@link id.pantau.web.evidence.verify.EvidenceVerifier}).
 */
package id.pantau.web.evidence;
