import { graphql } from '../../../gql';

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!) {
    notifications(first: $first) {
      totalCount
      nodes {
        id
        kind
        title
        body
        createdAt
        readAt
        spaceId
        distributionId
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      title
      body
      createdAt
      readAt
      spaceId
      distributionId
    }
  }
`);
