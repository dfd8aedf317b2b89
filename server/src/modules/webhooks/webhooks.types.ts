import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';

@ObjectType('WebhookEndpoint', { description: "An address a space's admins registered to receive chosen events, signed with its secret." })
export class WebhookEndpointType {
  @Field(() => ID, { description: 'The endpoint id.' }) id: string;
  @Field(() => ID, { description: 'The space whose events it receives.' }) spaceId: string;
  @Field({ description: 'Where deliveries are POSTed (http or https).' }) url: string;
  @Field({ description: 'A note for the admins: what receives these events.' }) description: string;
  @Field(() => [String], { description: "Events it receives: distribution.finished, distribution.target_failed, hand_in.submitted, assignment.deadline_passed, grades.returned, member.joined." })
  events: string[];
  @Field({ description: 'False once disabled (by an admin, or after failing repeatedly); deliveries wait until it is enabled again.' }) enabled: boolean;
  @Field(() => Int, { description: 'Failed attempts since the last delivered one.' }) failureCount: number;
  @Field(() => Date, { nullable: true, description: 'When the current run of failures began; null after a delivered attempt.' }) failingSince: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was disabled.' }) disabledReason: string | null;
  @Field({ description: 'When it was registered.' }) createdAt: Date;
  @Field({ description: 'When it was last changed.' }) updatedAt: Date;
}

@ObjectType('WebhookEndpointWithSecret', { description: 'An endpoint with its signing secret, shown only now: store it where the receiver can read it.' })
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType, { description: 'The endpoint.' }) endpoint: WebhookEndpointType;
  @Field({ description: "The signing secret, 'whsec_' and base64; it is not shown again (rotate it to get a new one)." }) secret: string;
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or to be sent) to one endpoint, with the outcome of its last attempt.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'The delivery id, sent as the webhook-id header on every attempt and replay.' }) id: string;
  @Field(() => ID, { description: 'The endpoint it goes to.' }) endpointId: string;
  @Field({ description: "The event, e.g. 'hand_in.submitted' ('webhook.test' for a test)." }) eventType: string;
  @Field({ description: 'The exact JSON body sent and signed.' }) payload: string;
  @Field({ description: 'PENDING (waiting for an attempt), RUNNING (being attempted), DELIVERED (answered 2xx) or FAILED (retries ran out).' }) status: string;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts: number;
  @Field({ description: 'When the next attempt is due (while PENDING).' }) nextAttemptAt: Date;
  @Field({ description: 'No attempt is made after this: a day after the event or the last replay.' }) retryUntil: Date;
  @Field(() => Date, { nullable: true, description: 'When the last attempt was made.' }) lastAttemptAt: Date | null;
  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt's answer." }) lastResponseStatus: number | null;
  @Field(() => String, { nullable: true, description: "The first 2,000 characters of the last answer's body." }) lastResponseBody: string | null;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' }) lastDurationMs: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (no answer, refused address, or the non-2xx status).' }) lastError: string | null;
  @Field({ description: 'When the event happened.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When an attempt was answered 2xx.' }) deliveredAt: Date | null;
}

export const WebhookDeliveryConnection = Connection(WebhookDeliveryType, 'WebhookDelivery');

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookInput {
  @Field(() => ID, { description: 'The space whose events it receives.' }) spaceId: string;
  @Field({ description: 'An http:// or https:// URL on a public address (private ones need WEBHOOK_ALLOW_PRIVATE=true on the instance).' }) url: string;
  @Field(() => [String], { description: 'The events to receive; at least one.' }) events: string[];
  @Field(() => String, { nullable: true, description: 'A note for the admins.' }) description?: string | null;
}

@InputType({ description: 'Changes to an endpoint; what is left out stays as it is.' })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true, description: 'A new URL, checked like a new endpoint.' }) url?: string | null;
  @Field(() => [String], { nullable: true, description: 'The events to receive from now on; at least one.' }) events?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A new note.' }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Enable (clearing its failures; waiting deliveries resume) or disable it.' }) enabled?: boolean | null;
}
