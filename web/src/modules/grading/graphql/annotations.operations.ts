import { graphql } from '../../../gql';

export const AnnotationFieldsFragment = graphql(`
  fragment AnnotationFields on Annotation {
    id
    handInId
    handInSeq
    olderHandIn
    path
    startLine
    endLine
    cellIndex
    body
    updatedAt
    author {
      id
      name
    }
  }
`);

export const StudentAnnotationsQuery = graphql(`
  query StudentAnnotations($assignmentId: ID!, $studentId: ID!) {
    feedback(assignmentId: $assignmentId, studentId: $studentId) {
      assignmentId
      studentId
      returned
      annotations {
        ...AnnotationFields
      }
    }
  }
`);

export const MyAnnotationsQuery = graphql(`
  query MyAnnotations($assignmentId: ID!) {
    myFeedback(assignmentId: $assignmentId) {
      assignmentId
      studentId
      annotations {
        ...AnnotationFields
      }
    }
  }
`);

export const CreateAnnotationMutation = graphql(`
  mutation CreateAnnotation($handInId: ID!, $input: CreateAnnotationInput!) {
    createAnnotation(handInId: $handInId, input: $input) {
      ...AnnotationFields
    }
  }
`);

export const UpdateAnnotationMutation = graphql(`
  mutation UpdateAnnotation($id: ID!, $body: String!) {
    updateAnnotation(id: $id, body: $body) {
      ...AnnotationFields
    }
  }
`);

export const DeleteAnnotationMutation = graphql(`
  mutation DeleteAnnotation($id: ID!) {
    deleteAnnotation(id: $id)
  }
`);
