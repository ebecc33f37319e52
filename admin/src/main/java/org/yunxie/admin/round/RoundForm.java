package org.yunxie.admin.round;

import java.math.BigDecimal;

import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.RulePreset;

/** The new-round form as posted; read into a RoundDraft by RoundsController. */
public class RoundForm {

    private RoundKind kind = RoundKind.POLL;
    private String title;
    private String body;
    private String options;
    private int maxChoices = 1;
    private RulePreset preset = RulePreset.SIMPLE_MAJORITY;
    private String closingAt;
    private String reminders = "24,2";
    private boolean secret;
    private boolean resultsLive;
    private Long groupId;
    private ShareMode shareMode = ShareMode.PER_HOUSEHOLD;
    private BigDecimal amountYuan;
    private Integer supportThreshold = 5;
    private boolean promote;
    private boolean openNow = true;

    public RoundKind getKind() { return kind; }
    public void setKind(RoundKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getOptions() { return options; }
    public void setOptions(String options) { this.options = options; }
    public int getMaxChoices() { return maxChoices; }
    public void setMaxChoices(int maxChoices) { this.maxChoices = maxChoices; }
    public RulePreset getPreset() { return preset; }
    public void setPreset(RulePreset preset) { this.preset = preset; }
    public String getClosingAt() { return closingAt; }
    public void setClosingAt(String closingAt) { this.closingAt = closingAt; }
    public String getReminders() { return reminders; }
    public void setReminders(String reminders) { this.reminders = reminders; }
    public boolean isSecret() { return secret; }
    public void setSecret(boolean secret) { this.secret = secret; }
    public boolean isResultsLive() { return resultsLive; }
    public void setResultsLive(boolean resultsLive) { this.resultsLive = resultsLive; }
    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public ShareMode getShareMode() { return shareMode; }
    public void setShareMode(ShareMode shareMode) { this.shareMode = shareMode; }
    public BigDecimal getAmountYuan() { return amountYuan; }
    public void setAmountYuan(BigDecimal amountYuan) { this.amountYuan = amountYuan; }
    public Integer getSupportThreshold() { return supportThreshold; }
    public void setSupportThreshold(Integer supportThreshold) { this.supportThreshold = supportThreshold; }
    public boolean isPromote() { return promote; }
    public void setPromote(boolean promote) { this.promote = promote; }
    public boolean isOpenNow() { return openNow; }
    public void setOpenNow(boolean openNow) { this.openNow = openNow; }
}
