package org.yunxie.core.group;

import java.time.Instant;

/**
 * A chat group of residents, bound to one or more buildings. {@code wecomChatId} is how WeCom names the
 * group (smart-robot chatid or app chat id); {@code robotWebhookKey} is a secret, never shown back in full.
 */
public record ChatGroup(long id, long communityId, String name, Instant createdAt, String wecomChatId,
                        PostVia postVia, String robotWebhookKey) {
}
