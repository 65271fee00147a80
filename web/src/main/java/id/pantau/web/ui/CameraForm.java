package id.pantau.web.ui;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.Transport;

/**
 * The camera add/edit form. The password is write-only: the form never carries the stored one back; empty
 * means "keep", and {@code clearPassword} removes it.
 */
public class CameraForm {
  private String id;
  private String name;
  private String siteId;
  private String linkId;
  private String mainUrl;
  private String subUrl;
  private String username;
  private String password;
  private boolean clearPassword;
  private Transport transport = Transport.TCP;
  private boolean enabled = true;
  private int retentionDays = Camera.DEFAULT_RETENTION_DAYS;
  private String recorderNode = Camera.LOCAL_NODE;
  private boolean hasPassword;

  static CameraForm of(Camera c) {
    CameraForm f = new CameraForm();
    f.id = c.id();
    f.name = c.name();
    f.siteId = c.siteId();
    f.linkId = c.linkId();
    f.mainUrl = c.mainUrl();
    f.subUrl = c.subUrl();
    f.username = c.username();
    f.transport = c.transport();
    f.enabled = c.enabled();
    f.retentionDays = c.retentionDays();
    f.recorderNode = c.recorderNode();
    f.hasPassword = c.hasPassword();
    return f;
  }

  /** The camera to save: credentials come from {@code existing} unless {@code mayChangeCredentials}. */
  Camera toCamera(Camera existing, boolean mayChangeCredentials) {
    String user = blankToNull(username);
    String pass = existing == null ? null : existing.password();
    if (mayChangeCredentials) {
      if (clearPassword) {
        pass = null;
      } else if (password != null && !password.isEmpty()) {
        pass = password;
      }
    } else if (existing != null) {
      user = existing.username();
    }
    return new Camera(trim(id), trim(name), blankToNull(siteId), blankToNull(linkId), trim(mainUrl),
        blankToNull(subUrl), user, pass, transport, enabled, retentionDays, blankToNull(recorderNode));
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSiteId() {
    return siteId;
  }

  public void setSiteId(String siteId) {
    this.siteId = siteId;
  }

  public String getLinkId() {
    return linkId;
  }

  public void setLinkId(String linkId) {
    this.linkId = linkId;
  }

  public String getMainUrl() {
    return mainUrl;
  }

  public void setMainUrl(String mainUrl) {
    this.mainUrl = mainUrl;
  }

  public String getSubUrl() {
    return subUrl;
  }

  public void setSubUrl(String subUrl) {
    this.subUrl = subUrl;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** Always empty when rendering: the stored password never goes back to a browser. */
  public String getPassword() {
    return "";
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isClearPassword() {
    return clearPassword;
  }

  public void setClearPassword(boolean clearPassword) {
    this.clearPassword = clearPassword;
  }

  public Transport getTransport() {
    return transport;
  }

  public void setTransport(Transport transport) {
    this.transport = transport;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getRecorderNode() {
    return recorderNode;
  }

  public void setRecorderNode(String recorderNode) {
    this.recorderNode = recorderNode;
  }

  public boolean isHasPassword() {
    return hasPassword;
  }

  void setHasPassword(boolean hasPassword) {
    this.hasPassword = hasPassword;
  }
}
