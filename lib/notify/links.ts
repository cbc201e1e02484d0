/** The links every alert carries for one subscriber. */
export function subscriberLinks(baseUrl: string, token: string) {
  return {
    manage: `${baseUrl}/subscriptions/manage/${token}`,
    unsubscribe: `${baseUrl}/subscriptions/unsubscribe/${token}`,
    /** RFC 8058 one-click target: a POST here unsubscribes without a page. */
    oneClick: `${baseUrl}/api/subscriptions/unsubscribe/${token}`,
  };
}

/** The link that confirms an email subscription. */
export function confirmLink(baseUrl: string, confirmToken: string): string {
  return `${baseUrl}/subscriptions/confirm/${confirmToken}`;
}
